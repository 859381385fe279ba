package br.com.opera360.web.security;

import br.com.opera360.Opera360Properties;
import br.com.opera360.kernel.common.AuditMetadata;
import br.com.opera360.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {
    static final String API_KEY_HEADER = "X-Api-Key";
    static final String SYSTEM = "SYSTEM";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, Opera360Properties props, ObjectMapper json,
                                       PortalAuthentication portalAuthentication) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> Problems.write(exchange,
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", exchange.getRequest().getPath().value().matches("/api/(ingest|ops)(/.*)?")
                        ? "Chave de integração ausente ou inválida: envie o cabeçalho X-Api-Key."
                        : "Faça login para continuar: envie o cabeçalho Authorization: Bearer <token>."), json);
        ServerAccessDeniedHandler denied = (exchange, e) -> exchange.getPrincipal()
                .map(p -> p instanceof Authentication a && a.getPrincipal() instanceof PortalUser u && u.mustChangePassword())
                .defaultIfEmpty(false)
                .flatMap(mustChange -> Problems.write(exchange, mustChange
                        ? Problems.of(HttpStatus.FORBIDDEN, "password-change-required",
                                "Troque a sua senha temporária antes de continuar: POST /api/auth/password.")
                        : Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Seu perfil não dá acesso a esta funcionalidade."), json));

        var apiKeyFilter = new AuthenticationWebFilter(apiKeyAuthentication(props));
        apiKeyFilter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/api/ingest/**", "/api/ops/**"));
        apiKeyFilter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(
                        exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER))
                .map(key -> new UsernamePasswordAuthenticationToken(AuditMetadata.INGEST_ACTOR, key)));
        apiKeyFilter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        var bearerFilter = new AuthenticationWebFilter(portalAuthentication);
        bearerFilter.setRequiresAuthenticationMatcher(exchange -> PORTAL_PATHS.matches(exchange)
                .filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                .flatMap(m -> OPEN_PATHS.matches(exchange))
                .flatMap(m -> m.isMatch() || bearerToken(exchange) == null
                        ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match()));
        bearerFilter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(bearerToken(exchange))
                .map(token -> new UsernamePasswordAuthenticationToken("bearer", token)));
        bearerFilter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        bearerFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAt(bearerFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(a -> a
                        .pathMatchers("/api/ingest/**", "/api/ops/**").hasAuthority(SYSTEM)
                        .pathMatchers("/api/auth/login", "/api/auth/token", "/api/auth/forgot-password").permitAll()
                        // contract: while mustChangePassword, only these answer; the rule wins over every other one
                        .pathMatchers("/api/me", "/api/auth/password", "/api/auth/logout").access(portalUser(false))
                        .pathMatchers("/api/**").access(portalUser(true))
                        .anyExchange().permitAll())
                .build();
    }

    private static final ServerWebExchangeMatcher PORTAL_PATHS = ServerWebExchangeMatchers.pathMatchers("/api/**");
    private static final ServerWebExchangeMatcher OPEN_PATHS = ServerWebExchangeMatchers.pathMatchers("/api/ingest/**",
            "/api/ops/**", "/api/auth/login", "/api/auth/token", "/api/auth/forgot-password");

    private static String bearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** Portal endpoints are for signed-in portal users (not integration keys); most also need a changed password. */
    private static ReactiveAuthorizationManager<AuthorizationContext> portalUser(boolean passwordChangeRequired) {
        return (authentication, context) -> authentication
                .filter(Authentication::isAuthenticated)
                .map(a -> new AuthorizationDecision(a.getPrincipal() instanceof PortalUser user
                        && !(passwordChangeRequired && user.mustChangePassword())))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** Constant-time comparison: the time to answer says nothing about how much of a guessed key was right. */
    static ReactiveAuthenticationManager apiKeyAuthentication(Opera360Properties props) {
        byte[] expected = props.ingest().apiKey() == null ? new byte[0] : props.ingest().apiKey().getBytes(StandardCharsets.UTF_8);
        return authentication -> {
            byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
            if (expected.length == 0 || !MessageDigest.isEqual(expected, given)) {
                return Mono.error(new BadCredentialsException("invalid api key"));
            }
            return Mono.just(new UsernamePasswordAuthenticationToken(AuditMetadata.INGEST_ACTOR, null,
                    AuthorityUtils.createAuthorityList(SYSTEM)));
        };
    }
}
