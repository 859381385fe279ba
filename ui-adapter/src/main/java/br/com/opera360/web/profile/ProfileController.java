package br.com.opera360.web.profile;

import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.profile.FindProfiles;
import br.com.opera360.kernel.profile.GetProfile;
import br.com.opera360.kernel.profile.ProfileDetails;
import br.com.opera360.kernel.profile.ProfileSummary;
import br.com.opera360.web.common.Commands;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Administração: perfis", description = "Perfis de acesso da conta e as funcionalidades que concedem")
class ProfileController {
    private final Commands commands;
    private final QueryGateway queries;

    ProfileController(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record FunctionalityItem(String code, String name, String module) {
    }

    @Operation(summary = "As funcionalidades que um perfil pode conceder")
    @GetMapping("/api/functionalities")
    Mono<List<FunctionalityItem>> functionalities() {
        return Mono.just(Arrays.stream(Functionality.values())
                               .map(f -> new FunctionalityItem(f.name(), f.label(), f.module())).toList());
    }

    @Operation(summary = "Perfis da conta, com o número de usuários de cada um")
    @GetMapping("/api/profiles")
    @PreAuthorize("hasAnyAuthority('PROFILES_MANAGE', 'USERS_MANAGE')")
    Mono<List<ProfileSummary>> list(@AuthenticationPrincipal PortalUser user) {
        return Mono.fromFuture(() -> queries.query(new FindProfiles(user.accountId()),
                ResponseTypes.multipleInstancesOf(ProfileSummary.class)));
    }

    @Operation(summary = "Cria um perfil (nome único na conta, sem diferenciar maiúsculas e acentos)")
    @PostMapping(path = "/api/profiles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('PROFILES_MANAGE')")
    Mono<ResponseEntity<Map<String, String>>> create(@AuthenticationPrincipal PortalUser user, @RequestBody ProfileRequest body) {
        ProfileId id = ProfileId.generate();
        return Mono.fromCallable(() -> body.toCreate(user.accountId(), id))
                   .flatMap(cmd -> commands.sendAndAwait(cmd, new GetProfile(user.accountId(), id), ProfileDetails.class))
                   .map(written -> ResponseEntity.created(URI.create("/api/profiles/" + id.value())).body(Map.of("id", id.value())));
    }

    @Operation(summary = "Um perfil, com os seus usuários")
    @GetMapping("/api/profiles/{id}")
    @PreAuthorize("hasAuthority('PROFILES_MANAGE')")
    Mono<ProfileDetails> get(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
        return profileId(id).flatMap(profileId -> find(user, profileId));
    }

    @Operation(summary = "Altera nome e funcionalidades; os usuários do perfil têm os novos direitos na próxima requisição")
    @PutMapping(path = "/api/profiles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('PROFILES_MANAGE')")
    Mono<ProfileDetails> update(@AuthenticationPrincipal PortalUser user, @PathVariable String id, @RequestBody ProfileRequest body) {
        return profileId(id).flatMap(profileId -> Mono.fromCallable(() -> body.toChange(user.accountId(), profileId))
                .flatMap(cmd -> commands.sendAndAwait(cmd, new GetProfile(user.accountId(), profileId), ProfileDetails.class))
                .then(find(user, profileId)));
    }

    private Mono<ProfileDetails> find(PortalUser user, ProfileId profileId) {
        return Mono.fromFuture(() -> queries.query(new GetProfile(user.accountId(), profileId), ProfileDetails.class))
                   .switchIfEmpty(Mono.error(ProfileController::notFound));
    }

    /** Profile ids are UUIDs generated at the edge; anything else is simply unknown. */
    private static Mono<ProfileId> profileId(String id) {
        try {
            return Mono.just(new ProfileId(UUID.fromString(id).toString()));
        } catch (IllegalArgumentException malformed) {
            return Mono.error(notFound());
        }
    }

    private static Rejected notFound() {
        return Rejected.notFound("profile.not-found", "Perfil não encontrado.");
    }
}
