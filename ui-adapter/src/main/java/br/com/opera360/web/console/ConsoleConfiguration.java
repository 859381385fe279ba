package br.com.opera360.web.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Duration;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves the web console: its page at {@code /} (never cached: it names the current versions) and its files under
 * {@code /console/<content hash>/} and the webjars under their version, both cached for a year. The console has no
 * endpoint of its own: it talks to {@code /api} like any other client.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebFluxConfigurer {
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final ConsoleAssets assets;

    ConsoleConfiguration(ConsoleAssets assets) {
        this.assets = assets;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/" + assets.version() + "/**")
                .addResourceLocations(ConsoleAssets.LOCATION)
                .setCacheControl(IMMUTABLE);
        registry.addResourceHandler("/webjars/preact/" + assets.preactVersion() + "/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/preact/" + assets.preactVersion() + "/")
                .setCacheControl(IMMUTABLE);
        registry.addResourceHandler("/webjars/leaflet/" + assets.leafletVersion() + "/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/leaflet/" + assets.leafletVersion() + "/")
                .setCacheControl(IMMUTABLE);
    }

    @Bean
    RouterFunction<ServerResponse> consolePage() {
        return route(GET("/").or(GET("/index.html")), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .bodyValue(assets.indexHtml()));
    }
}
