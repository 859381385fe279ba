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
 * Bearer token → live session (with whether its user still holds a temporary password) → the user's current access
 * (active, profile's functionalities). Anything missing (ended or expired session, deactivated user) is one and the same 401.
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
        Mono<LiveSession> session = sessions.find(sessionId);
        // The token names its user, so the session (which also says whether a new password is due) and the user's
        // access are read side by side (one round trip on the request path); the session must belong to that very user.
        Mono<Tuple2<UserAccess, Boolean>> state = presented.userHint()
                .map(hint -> Mono.zip(session.filter(s -> hint.equals(s.userId())), access(hint))
                                 .flatMap(t -> mustChangePassword(t.getT1()).map(mustChange -> Tuples.of(t.getT2(), mustChange))))
                .orElseGet(() -> session.flatMap(s -> Mono.zip(access(s.userId()), mustChangePassword(s))));
        return state.filter(t -> t.getT1().active())
                    .map(t -> toAuthentication(t.getT1(), t.getT2(), sessionId))
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("no live session")));
    }

    /** From the session; a session opened before sessions recorded it asks the credentials. */
    private Mono<Boolean> mustChangePassword(LiveSession session) {
        return session.mustChangePassword() != null ? Mono.just(session.mustChangePassword())
                : credentials.mustChangePassword(session.userId());
    }

    private Mono<UserAccess> access(String userId) {
        return Mono.fromFuture(() -> queries.query(new GetUserAccess(new UserId(userId)), UserAccess.class));
    }

    private static Authentication toAuthentication(UserAccess access, boolean mustChange, String sessionId) {
        Set<Functionality> functionalities = access.functionalities().stream().filter(CODES::contains)
                                                   .map(Functionality::valueOf).collect(Collectors.toSet());
        var user = new PortalUser(new UserId(access.userId()), new AccountId(access.accountId()), functionalities,
                access.administrator(), mustChange, sessionId, access.details(), access.company());
        var authorities = functionalities.stream().map(f -> new SimpleGrantedAuthority(f.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
