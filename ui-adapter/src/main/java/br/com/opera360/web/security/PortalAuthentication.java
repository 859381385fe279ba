package br.com.opera360.web.security;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.user.GetUserAccess;
import br.com.opera360.kernel.user.UserAccess;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bearer token → live session → the user's current access (active, profile's functionalities) and whether they still
 * hold a temporary password. Anything missing (ended or expired session, deactivated user) is one and the same 401.
 */
@Component
class PortalAuthentication implements ReactiveAuthenticationManager {
    private static final Set<String> CODES = Arrays.stream(Functionality.values()).map(Enum::name).collect(Collectors.toSet());
    private final LiveSessions sessions;
    private final PasswordStates credentials;
    private final QueryGateway queries;

    PortalAuthentication(LiveSessions sessions, PasswordStates credentials, QueryGateway queries) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.queries = queries;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication bearer) {
        var presented = AccessTokens.Presented.of(String.valueOf(bearer.getCredentials()));
        String sessionId = presented.sessionId();
        Mono<String> userOfSession = sessions.userOf(sessionId);
        // The token names its user, so the session, the user's access and the password state are read side by side
        // (one round trip on the request path); the session must belong to that very user.
        Mono<Tuple2<UserAccess, Boolean>> state = presented.userHint()
                .map(hint -> Mono.zip(userOfSession.filter(hint::equals), access(hint), credentials.mustChangePassword(hint))
                                 .map(t -> Tuples.of(t.getT2(), t.getT3())))
                .orElseGet(() -> userOfSession.flatMap(id -> Mono.zip(access(id), credentials.mustChangePassword(id))));
        return state.filter(t -> t.getT1().active())
                    .map(t -> toAuthentication(t.getT1(), t.getT2(), sessionId))
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("no live session")));
    }

    private Mono<UserAccess> access(String userId) {
        return Mono.fromFuture(() -> queries.query(new GetUserAccess(new UserId(userId)), UserAccess.class));
    }

    private static Authentication toAuthentication(UserAccess access, boolean mustChange, String sessionId) {
        Set<Functionality> functionalities = access.functionalities().stream().filter(CODES::contains)
                                                   .map(Functionality::valueOf).collect(Collectors.toSet());
        var user = new PortalUser(new UserId(access.userId()), new AccountId(access.accountId()), functionalities,
                access.administrator(), mustChange, sessionId, access.details());
        var authorities = functionalities.stream().map(f -> new SimpleGrantedAuthority(f.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
