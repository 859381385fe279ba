package br.com.opera360.web.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the caller's {@code X-Correlation-Id} (or makes one), echoes it in the response and hands it to the commands
 * the request sends, so an auditor can follow one request through every event it caused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CorrelationIdFilter implements WebFilter {
    public static final String HEADER = "X-Correlation-Id";
    static final String CONTEXT_KEY = CorrelationIdFilter.class.getName();
    // what we accept from outside ends up in events and logs: keep it short and plain
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(CONTEXT_KEY, id));
    }
}
