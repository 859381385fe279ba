package br.com.opera360.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * JSON bodies above 1 MiB answer 413 before anything is read when the client declares the length; chunked bodies
 * hit the codec limit ({@code spring.codec.max-in-memory-size}), which the advice maps to 413 as well. NDJSON batches
 * are streamed and not limited here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter implements WebFilter {
    static final long MAX_JSON_BODY = 1024 * 1024;
    private final ObjectMapper json;

    BodySizeLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        MediaType type = headers.getContentType();
        boolean json = type == null || type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        if (json && headers.getContentLength() > MAX_JSON_BODY) {
            return Problems.write(exchange, ApiExceptionHandler.tooLarge(), this.json);
        }
        return chain.filter(exchange);
    }
}
