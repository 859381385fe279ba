package br.com.opera360.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Errors that never reach a controller (no route, filters) answer problem+json too, before Boot's default page. */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements WebExceptionHandler {
    private final ObjectMapper json;

    ProblemErrorWebExceptionHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        return Problems.write(exchange, ApiExceptionHandler.toProblem(ex), json);
    }
}
