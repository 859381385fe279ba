package br.com.opera360.web.user;

import br.com.opera360.kernel.account.AccountDetails;
import br.com.opera360.kernel.account.GetAccount;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.user.GetUserAccess;
import br.com.opera360.kernel.user.LogOut;
import br.com.opera360.kernel.user.LoginConfirmation;
import br.com.opera360.kernel.user.LoginOutcome;
import br.com.opera360.kernel.user.ProfileRef;
import br.com.opera360.kernel.user.UserAccess;
import br.com.opera360.kernel.user.UserCompany;
import br.com.opera360.kernel.user.UserDetails;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.security.AccessTokens;
import br.com.opera360.web.security.LiveSessions;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@RestController
@Tag(name = "Autenticação", description = "Login em duas etapas (senha e token por e-mail), sessão e senha")
class AuthController {
    private final Commands commands;
    private final QueryGateway queries;
    private final LiveSessions sessions;

    AuthController(Commands commands, QueryGateway queries, LiveSessions sessions) {
        this.commands = commands;
        this.queries = queries;
        this.sessions = sessions;
    }

    record Challenge(String challengeId, Instant expiresAt) {
    }

    record AccessToken(String accessToken, String tokenType, long expiresIn, boolean mustChangePassword) {
        @Override
        public String toString() {
            return "AccessToken[****]";
        }
    }

    record Me(String userId, String name, String email, String accountId, String companyName, String cnpj,
              boolean administrator, ProfileRef profile, List<String> functionalities, boolean mustChangePassword) {
    }

    @Operation(summary = "Primeira etapa do login: e-mail e senha; envia um token de 6 dígitos por e-mail")
    @PostMapping(path = "/api/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Challenge>> login(@RequestBody LoginRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> commands.<LoginOutcome>send(cmd).subscribeOn(Schedulers.boundedElastic()))
                   .map(outcome -> switch (outcome.status()) {
                       case TOKEN_SENT -> ResponseEntity.status(HttpStatus.ACCEPTED)
                                                        .body(new Challenge(outcome.challengeId(), outcome.expiresAt()));
                       // one answer for unknown e-mail, wrong password, inactive user and a not yet opened account
                       case REFUSED -> throw new Rejected(Rejected.Kind.UNAUTHORIZED, "login.refused",
                               "E-mail ou senha inválidos. Confira os dados e tente novamente.", List.of());
                       case LOCKED -> throw new Rejected(Rejected.Kind.TOO_MANY_REQUESTS, "login.locked",
                               "Muitas tentativas de login sem sucesso para este e-mail. Aguarde 15 minutos e tente novamente.",
                               List.of());
                   });
    }

    @Operation(summary = "Segunda etapa do login: o token recebido por e-mail; devolve o token de acesso")
    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccessToken> token(@RequestBody TokenRequest body) {
        String secret = AccessTokens.secret();
        return Mono.fromCallable(() -> body.toCommand(AccessTokens.sessionId(secret)))
                   .flatMap(cmd -> commands.<LoginConfirmation>send(cmd).subscribeOn(Schedulers.boundedElastic()))
                   .flatMap(confirmation -> {
                       if (!confirmation.accepted()) {
                           return Mono.error(new Rejected(Rejected.Kind.UNAUTHORIZED, "token.refused",
                                   "Token inválido, expirado ou já utilizado. Faça login novamente para receber um novo token.",
                                   List.of()));
                       }
                       // the first request with the new token reads the user's view: let it catch up first
                       return commands.awaitView(new GetUserAccess(new UserId(confirmation.userId())), UserAccess.class,
                                       UserAccess::version, confirmation.version())
                                      .thenReturn(new AccessToken(AccessTokens.token(confirmation.userId(), secret), "Bearer", sessions.lifetime().toSeconds(),
                                              confirmation.mustChangePassword()));
                   });
    }

    @Operation(summary = "Esqueci minha senha: uma senha temporária vai para o Administrador da conta")
    @PostMapping(path = "/api/auth/forgot-password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> forgotPassword(@RequestBody ForgotPasswordRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> commands.send(cmd).subscribeOn(Schedulers.boundedElastic()))
                   .then(Mono.just(ResponseEntity.accepted().<Void>build()));
    }

    @Operation(summary = "Troca a senha; as outras sessões do usuário terminam")
    @PostMapping(path = "/api/auth/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> changePassword(@AuthenticationPrincipal PortalUser user, @RequestBody ChangePasswordRequest body) {
        return Mono.fromCallable(() -> body.toCommand(user))
                   .flatMap(cmd -> commands.send(cmd).subscribeOn(Schedulers.boundedElastic()))
                   .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    @Operation(summary = "Encerra esta sessão (só este token de acesso)")
    @PostMapping("/api/auth/logout")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal PortalUser user) {
        return commands.send(new LogOut(user.userId(), user.accountId(), user.sessionId()))
                       .subscribeOn(Schedulers.boundedElastic())
                       .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    @Operation(summary = "O usuário logado, sua empresa e suas funcionalidades")
    @GetMapping("/api/me")
    Mono<Me> me(@AuthenticationPrincipal PortalUser user) {
        // the user and its company were read with the request's access check, in the same round trip
        UserDetails u = user.details();
        List<String> functionalities = Arrays.stream(Functionality.values()).filter(user.functionalities()::contains)
                                             .map(Enum::name).toList();
        return company(user).map(c -> new Me(u.id(), u.name(), u.email(), user.accountId().value(), c.name(), c.cnpj(),
                user.administrator(), u.profile(), functionalities, user.mustChangePassword()));
    }

    /** A read model built before the identity group kept companies has none: then the account view answers. */
    private Mono<UserCompany> company(PortalUser user) {
        if (user.company() != null) return Mono.just(user.company());
        return Mono.fromFuture(() -> queries.query(new GetAccount(user.accountId()), AccountDetails.class))
                   .map(a -> new UserCompany(a.companyName(), a.cnpj()))
                   .defaultIfEmpty(new UserCompany(null, null));
    }
}
