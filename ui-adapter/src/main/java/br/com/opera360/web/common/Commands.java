package br.com.opera360.web.common;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The one way controllers send commands: as a {@link Mono}, failures mapped by the advice. */
@Component
public class Commands {
    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> send(Object command) {
        return Mono.fromFuture(() -> gateway.<R>send(command));
    }
}
