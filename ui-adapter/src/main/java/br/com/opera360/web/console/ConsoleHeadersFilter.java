package br.com.opera360.web.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy per path: the console's strict one (no inline script or style, no eval, no framing),
 * Swagger UI's (its bundle sets inline styles), and for the API's JSON nothing may load at all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleHeadersFilter implements WebFilter {
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final ConsoleAssets assets;

    ConsoleHeadersFilter(ConsoleAssets assets) {
        this.assets = assets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String policy;
        if (path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui")) policy = SWAGGER_POLICY;
        else if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) policy = API_POLICY;
        else policy = assets.contentSecurityPolicy();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        return chain.filter(exchange);
    }
}
