package br.com.opera360.web.common;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * The one way controllers send commands: as a {@link Mono}, with the audit metadata of the request (actor, source,
 * correlationId); failures are mapped by the advice.
 */
@Component
public class Commands {
    static final String INGEST_ACTOR = "system:ingest";
    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> send(Object command) {
        return metaData().flatMap(meta -> Mono.fromFuture(() -> gateway.<R>send(command, meta)));
    }

    Mono<MetaData> metaData() {
        return Mono.deferContextual(ctx -> {
            String correlationId = ctx.getOrDefault(CorrelationIdFilter.CONTEXT_KEY, UUID.randomUUID().toString());
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .map(Commands::actorOf)
                    .defaultIfEmpty(new String[]{"anonymous", "portal"})
                    .map(actor -> MetaData.with("actor", actor[0]).and("source", actor[1]).and("correlationId", correlationId));
        });
    }

    private static String[] actorOf(Authentication auth) {
        if (INGEST_ACTOR.equals(auth.getName())) return new String[]{INGEST_ACTOR, "ingest"};
        return new String[]{auth.getName(), "portal"};
    }
}
