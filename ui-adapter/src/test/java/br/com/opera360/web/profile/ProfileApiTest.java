package br.com.opera360.web.profile;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract, Administration: profiles. */
class ProfileApiTest extends ApiTest {

    private WebTestClient.ResponseSpec post(String token, Object body) {
        return web.post().uri("/api/profiles").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String id, Object body) {
        return web.put().uri("/api/profiles/{id}", id).headers(bearer(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String token) {
        return web.get().uri("/api/profiles").headers(bearer(token)).exchange().expectStatus().isOk()
                  .expectBody(List.class).returnResult().getResponseBody();
    }

    private void problem(WebTestClient.ResponseSpec spec, int status) {
        spec.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_new_account_has_the_built_in_administrador_profile_with_every_functionality() {
        var account = newAccount();
        var profiles = list(loginAsAdmin(account));
        assertThat(profiles).hasSize(1);
        assertThat(profiles.get(0)).containsOnlyKeys("id", "name", "functionalities", "builtIn", "userCount")
                                   .containsEntry("name", "Administrador").containsEntry("builtIn", true).containsEntry("userCount", 1);
        assertThat((List<?>) profiles.get(0).get("functionalities")).hasSize(10);
    }

    @Test
    void a_created_profile_answers_201_with_its_id_and_is_listed_at_once() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        var created = post(admin, Map.of("name", "  Financeiro ", "functionalities", List.of("INVOICES_EXPORT", "INVOICES_VIEW", "INVOICES_VIEW")))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created).containsOnlyKeys("id");
        assertThat(list(admin)).anySatisfy(p -> assertThat(p).containsEntry("id", created.get("id")).containsEntry("name", "Financeiro")
                .containsEntry("functionalities", List.of("INVOICES_VIEW", "INVOICES_EXPORT")).containsEntry("builtIn", false)
                .containsEntry("userCount", 0));
    }

    @Test
    void profile_names_are_unique_in_the_account_ignoring_case_and_accents() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        createProfile(admin, "Técnico", "SERVICES_VIEW");
        problem(post(admin, Map.of("name", "TECNICO", "functionalities", List.of())), 409);
        problem(post(admin, Map.of("name", "administrador", "functionalities", List.of())), 409);
        // another account may use the same name
        createProfile(loginAsAdmin(newAccount()), "Técnico", "SERVICES_VIEW");
    }

    @Test
    void a_name_must_have_1_to_60_characters_and_codes_must_be_known() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        problem(post(admin, Map.of("name", " ", "functionalities", List.of())), 400);
        problem(post(admin, Map.of("name", "x".repeat(61), "functionalities", List.of())), 400);
        post(admin, Map.of("name", "x".repeat(60), "functionalities", List.of())).expectStatus().isCreated();
        post(admin, Map.of("name", "Vendas", "functionalities", List.of("INVOICES_VIEW", "FLY"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("functionalities[1]");
        assertThat(list(admin)).extracting(p -> p.get("name")).doesNotContain("Vendas");
    }

    @Test
    void a_profile_shows_its_users() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Financeiro", "INVOICES_VIEW");
        createUser(admin, profileId, "Bruna Financeira");
        var profile = web.get().uri("/api/profiles/{id}", profileId).headers(bearer(admin)).exchange().expectStatus().isOk()
                         .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(profile).containsEntry("name", "Financeiro").containsEntry("userCount", 1).containsEntry("builtIn", false);
        assertThat((List<Map<String, Object>>) profile.get("users")).singleElement()
                .satisfies(u -> assertThat(u).containsOnlyKeys("id", "name").containsEntry("name", "Bruna Financeira"));
    }

    @Test
    void a_profile_change_answers_the_profile_and_its_users_get_the_new_rights_on_their_next_request() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Faturas", "INVOICES_VIEW");
        String user = loginAs(createUser(admin, profileId, "Caio Faturas"));
        problem(web.get().uri("/api/profiles").headers(bearer(user)).exchange(), 403);

        put(admin, profileId, Map.of("name", "Faturas e perfis", "functionalities", List.of("INVOICES_VIEW", "PROFILES_MANAGE")))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Faturas e perfis")
                .jsonPath("$.functionalities.length()").isEqualTo(2)
                .jsonPath("$.users[0].name").isEqualTo("Caio Faturas");
        web.get().uri("/api/profiles").headers(bearer(user)).exchange().expectStatus().isOk();
        web.get().uri("/api/me").headers(bearer(user)).exchange().expectBody()
           .jsonPath("$.functionalities").isEqualTo(List.of("INVOICES_VIEW", "PROFILES_MANAGE"))
           .jsonPath("$.profile.name").isEqualTo("Faturas e perfis");
    }

    @Test
    void the_built_in_administrador_cannot_be_changed_and_a_rename_cannot_take_another_name() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String builtIn = (String) list(admin).get(0).get("id");
        problem(put(admin, builtIn, Map.of("name", "Administrador", "functionalities", List.of("INVOICES_VIEW"))), 409);
        createProfile(admin, "Financeiro", "INVOICES_VIEW");
        String other = createProfile(admin, "Técnico", "SERVICES_VIEW");
        problem(put(admin, other, Map.of("name", "financeiro", "functionalities", List.of())), 409);
        put(admin, other, Map.of("name", "TÉCNICO", "functionalities", List.of("SERVICES_VIEW"))).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("TÉCNICO");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_portal_write_is_recorded_with_the_signed_in_user_as_actor() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String adminId = (String) web.get().uri("/api/me").headers(bearer(admin)).exchange()
                                     .expectBody(Map.class).returnResult().getResponseBody().get("userId");
        String profileId = createProfile(admin, "Auditado", "AUDIT_VIEW");
        byte[] meta = jdbc.queryForObject("select metaData from DomainEventEntry where payloadType = 'ProfileCreated' "
                + "and aggregateIdentifier = ? order by globalIndex desc limit 1", byte[].class, account.accountId());
        assertThat(new String(meta, StandardCharsets.UTF_8)).contains("\"actor\":\"" + adminId + "\"", "\"source\":\"portal\"");
        assertThat(profileId).isNotBlank();
    }

    @Test
    void another_accounts_profile_is_not_found() {
        String otherProfile = createProfile(loginAsAdmin(newAccount()), "Alheio", "INVOICES_VIEW");
        String admin = loginAsAdmin(newAccount());
        problem(web.get().uri("/api/profiles/{id}", otherProfile).headers(bearer(admin)).exchange(), 404);
        problem(put(admin, otherProfile, Map.of("name", "Meu", "functionalities", List.of())), 404);
        problem(web.get().uri("/api/profiles/not-a-uuid").headers(bearer(admin)).exchange(), 404);
    }

    @Test
    void profiles_need_profiles_manage_while_the_list_also_opens_to_users_manage() {
        var account = newAccount();
        String usersManager = loginWith(account, "USERS_MANAGE");
        String someId = (String) list(usersManager).get(0).get("id");
        problem(web.get().uri("/api/profiles/{id}", someId).headers(bearer(usersManager)).exchange(), 403);
        problem(post(usersManager, Map.of("name", "X", "functionalities", List.of())), 403);
        problem(put(usersManager, someId, Map.of("name", "X", "functionalities", List.of())), 403);

        String viewer = loginWith(account, "INVOICES_VIEW");
        problem(web.get().uri("/api/profiles").headers(bearer(viewer)).exchange(), 403);
    }
}
