package br.com.opera360.web.security;

import br.com.opera360.app.config.Opera360Properties;
import br.com.opera360.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
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
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, Opera360Properties props, ObjectMapper json) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> Problems.write(exchange,
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", exchange.getRequest().getPath().value().matches("/api/(ingest|ops)(/.*)?")
                        ? "Chave de integração ausente ou inválida: envie o cabeçalho X-Api-Key."
                        : "Faça login para continuar: envie o cabeçalho Authorization: Bearer <token>."), json);
        ServerAccessDeniedHandler denied = (exchange, e) -> Problems.write(exchange,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Seu perfil não dá acesso a esta funcionalidade."), json);

        var apiKeyFilter = new AuthenticationWebFilter(apiKeyAuthentication(props));
        apiKeyFilter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/api/ingest/**", "/api/ops/**"));
        apiKeyFilter.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(
                        exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER))
                .map(key -> new UsernamePasswordAuthenticationToken("system:ingest", key)));
        apiKeyFilter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(a -> a
                        .pathMatchers("/api/ingest/**", "/api/ops/**").hasAuthority(SYSTEM)
                        .pathMatchers("/api/auth/login", "/api/auth/token", "/api/auth/forgot-password").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** Constant-time comparison: the time to answer says nothing about how much of a guessed key was right. */
    static ReactiveAuthenticationManager apiKeyAuthentication(Opera360Properties props) {
        byte[] expected = props.ingest().apiKey() == null ? new byte[0] : props.ingest().apiKey().getBytes(StandardCharsets.UTF_8);
        return authentication -> {
            byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
            if (expected.length == 0 || !MessageDigest.isEqual(expected, given)) {
                return Mono.error(new BadCredentialsException("invalid api key"));
            }
            return Mono.just(new UsernamePasswordAuthenticationToken("system:ingest", null,
                    AuthorityUtils.createAuthorityList(SYSTEM)));
        };
    }
}
