package br.com.opera360.web.user;

import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.user.DeactivateUser;
import br.com.opera360.kernel.user.FindUsers;
import br.com.opera360.kernel.user.GetUser;
import br.com.opera360.kernel.user.ReactivateUser;
import br.com.opera360.kernel.user.UserDetails;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.common.Paging;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@Tag(name = "Administração: usuários", description = "Usuários da conta (USERS_MANAGE)")
class UserController {
    private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");
    private final Commands commands;
    private final QueryGateway queries;

    UserController(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Lista paginada dos usuários da conta")
    @GetMapping("/api/users")
    @PreAuthorize("hasAuthority('USERS_MANAGE')")
    Mono<Page<UserDetails>> list(@AuthenticationPrincipal PortalUser user,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String profileId,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String page,
                                 @RequestParam(required = false) String size) {
        return Mono.fromCallable(() -> {
            var fields = new Fields();
            String s = status == null || status.isBlank() ? null : fields.parse("status", () -> {
                String v = status.strip().toUpperCase();
                if (!STATUSES.contains(v)) throw new IllegalArgumentException("use ACTIVE ou INACTIVE");
                return v;
            });
            PageRequest paging = Paging.parse(page, size, fields);
            if (q != null && q.length() > 200) fields.reject("q", "deve ter no máximo 200 caracteres");
            fields.check();
            return new FindUsers(user.accountId(), s, profileId == null || profileId.isBlank() ? null : profileId.strip(),
                    q, paging.page(), paging.size());
        }).flatMap(query -> Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(pageType()))));
    }

    @Operation(summary = "Cria um usuário; ele recebe uma senha temporária por e-mail")
    @PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('USERS_MANAGE')")
    Mono<ResponseEntity<Map<String, String>>> create(@AuthenticationPrincipal PortalUser user, @RequestBody UserRequest body) {
        UserId id = UserId.generate();
        return Mono.fromCallable(() -> body.toCreate(user, id))
                   .flatMap(cmd -> commands.sendAndAwait(cmd, new GetUser(user.accountId(), id), UserDetails.class))
                   .map(written -> ResponseEntity.created(URI.create("/api/users/" + id.value())).body(Map.of("id", id.value())));
    }

    @Operation(summary = "Um usuário da conta")
    @GetMapping("/api/users/{id}")
    @PreAuthorize("hasAuthority('USERS_MANAGE')")
    Mono<UserDetails> get(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
        return userId(id).flatMap(userId -> find(user, userId));
    }

    @Operation(summary = "Altera nome, telefone, CPF e perfil de um usuário")
    @PutMapping(path = "/api/users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('USERS_MANAGE')")
    Mono<UserDetails> update(@AuthenticationPrincipal PortalUser user, @PathVariable String id, @RequestBody UserRequest body) {
        return userId(id).flatMap(userId -> Mono.fromCallable(() -> body.toUpdate(user, userId))
                .flatMap(cmd -> commands.sendAndAwait(cmd, new GetUser(user.accountId(), userId), UserDetails.class))
                .then(find(user, userId)));
    }

    @Operation(summary = "Desativa um usuário; as sessões dele terminam na hora")
    @PostMapping("/api/users/{id}/deactivate")
    @PreAuthorize("hasAuthority('USERS_MANAGE')")
    Mono<UserDetails> deactivate(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
        return userId(id).flatMap(userId -> commands.sendAndAwait(new DeactivateUser(userId, user.accountId(), user.userId()),
                new GetUser(user.accountId(), userId), UserDetails.class).then(find(user, userId)));
    }

    @Operation(summary = "Reativa um usuário")
    @PostMapping("/api/users/{id}/reactivate")
    @PreAuthorize("hasAuthority('USERS_MANAGE')")
    Mono<UserDetails> reactivate(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
        return userId(id).flatMap(userId -> commands.sendAndAwait(new ReactivateUser(userId, user.accountId(), user.userId()),
                new GetUser(user.accountId(), userId), UserDetails.class).then(find(user, userId)));
    }

    private Mono<UserDetails> find(PortalUser user, UserId userId) {
        return Mono.fromFuture(() -> queries.query(new GetUser(user.accountId(), userId), UserDetails.class))
                   .switchIfEmpty(Mono.error(UserController::notFound));
    }

    /** User ids are UUIDs generated at the edge; anything else is simply unknown. */
    private static Mono<UserId> userId(String id) {
        try {
            return Mono.just(new UserId(UUID.fromString(id).toString()));
        } catch (IllegalArgumentException malformed) {
            return Mono.error(notFound());
        }
    }

    private static Rejected notFound() {
        return Rejected.notFound("user.not-found", "Usuário não encontrado.");
    }

    @SuppressWarnings("unchecked")
    private static Class<Page<UserDetails>> pageType() {
        return (Class<Page<UserDetails>>) (Class<?>) Page.class;
    }
}
