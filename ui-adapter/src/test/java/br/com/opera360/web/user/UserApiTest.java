package br.com.opera360.web.user;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract, Administration: users. */
class UserApiTest extends ApiTest {
    static final String VALID_CPF = "529.982.247-25";

    private WebTestClient.ResponseSpec post(String token, Map<String, ?> body) {
        return web.post().uri("/api/users").headers(bearer(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Map<String, Object> user(String name, String email, String profileId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("profileId", profileId);
        return body;
    }

    private static String email() {
        return "pessoa-" + UUID.randomUUID() + "@cliente.com.br";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String token, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(bearer(token)).exchange().expectStatus().isOk()
                  .expectBody(Map.class).returnResult().getResponseBody();
    }

    private String idOf(String token, String email) {
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) get(token, "/api/users?q={q}", email).get("items");
        assertThat(items).hasSize(1);
        return (String) items.get(0).get("id");
    }

    private void problem(WebTestClient.ResponseSpec spec, int status) {
        spec.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_created_user_answers_201_is_readable_at_once_and_receives_a_temporary_password() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Financeiro", "INVOICES_VIEW");
        String email = email();
        var body = user("Júlia Souza", email.toUpperCase(), profileId);
        body.put("phone", "(11) 98765-4321");
        body.put("cpf", VALID_CPF);
        String id = (String) post(admin, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        var shown = get(admin, "/api/users/{id}", id);
        assertThat(shown).containsOnlyKeys("id", "name", "email", "phone", "cpf", "profile", "status", "createdAt", "lastLoginAt")
                         .containsEntry("id", id).containsEntry("name", "Júlia Souza").containsEntry("email", email)
                         .containsEntry("phone", "(11) 98765-4321").containsEntry("cpf", "52998224725")
                         .containsEntry("profile", Map.of("id", profileId, "name", "Financeiro"))
                         .containsEntry("status", "ACTIVE").containsEntry("lastLoginAt", null);
        assertThat(Instant.parse((String) shown.get("createdAt"))).isNotNull();
        assertThat(outbox().latestTo(email).temporaryPassword()).isNotBlank();

        loginAs(email);
        assertThat(get(admin, "/api/users/{id}", id).get("lastLoginAt")).isNotNull();
    }

    @Test
    void an_email_already_used_by_any_user_of_any_account_is_409() {
        var other = newAccount();
        String admin = loginAsAdmin(newAccount());
        String profileId = createProfile(admin, "Financeiro", "INVOICES_VIEW");
        problem(post(admin, user("Outra", other.adminEmail().toUpperCase(), profileId)), 409);
        String email = email();
        post(admin, user("Primeira", email, profileId)).expectStatus().isCreated();
        problem(post(admin, user("Segunda", email, profileId)), 409);
    }

    @Test
    void an_invalid_cpf_or_a_profile_of_another_account_is_400_naming_the_field() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Financeiro", "INVOICES_VIEW");
        var body = user("Com CPF errado", email(), profileId);
        body.put("cpf", "529.982.247-26");
        post(admin, body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cpf");

        String foreignProfile = createProfile(loginAsAdmin(newAccount()), "Alheio", "INVOICES_VIEW");
        post(admin, user("Perfil alheio", email(), foreignProfile)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("profileId");
        post(admin, user("Perfil inexistente", email(), UUID.randomUUID().toString())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("profileId");
        post(admin, Map.of("email", email())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).contains("name", "profileId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_list_is_paginated_and_filters_by_status_profile_and_text_ignoring_case_and_accents() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String finance = createProfile(admin, "Financeiro", "INVOICES_VIEW");
        String tech = createProfile(admin, "Técnico", "SERVICES_VIEW");
        createUser(admin, finance, "José Araújo");
        String maria = createUser(admin, tech, "Maria Conceição");
        createUser(admin, tech, "Pedro Alves");
        web.post().uri("/api/users/{id}/deactivate", idOf(admin, maria)).headers(bearer(admin)).exchange().expectStatus().isOk();

        var all = get(admin, "/api/users");
        assertThat(all).containsOnlyKeys("items", "page", "size", "totalItems", "totalPages")
                       .containsEntry("page", 0).containsEntry("size", 20).containsEntry("totalItems", 4).containsEntry("totalPages", 1);
        var page = get(admin, "/api/users?page=1&size=3");
        assertThat((List<?>) page.get("items")).hasSize(1);
        assertThat(page).containsEntry("totalPages", 2);

        assertThat((List<Map<String, Object>>) get(admin, "/api/users?q=JOSE ARAUJO").get("items"))
                .extracting(u -> u.get("name")).containsExactly("José Araújo");
        assertThat((List<Map<String, Object>>) get(admin, "/api/users?q=conceicao").get("items")).hasSize(1);
        assertThat((List<Map<String, Object>>) get(admin, "/api/users?q=" + maria.substring(0, 12).toUpperCase()).get("items")).hasSize(1);
        assertThat((List<?>) get(admin, "/api/users?q=.*").get("items")).isEmpty();
        assertThat((List<Map<String, Object>>) get(admin, "/api/users?status=INACTIVE").get("items"))
                .extracting(u -> u.get("name")).containsExactly("Maria Conceição");
        assertThat((List<Map<String, Object>>) get(admin, "/api/users?status=ACTIVE&profileId={p}", tech).get("items"))
                .extracting(u -> u.get("name")).containsExactly("Pedro Alves");

        for (String bad : List.of("?page=-1", "?size=0", "?size=501", "?page=x", "?status=GONE")) {
            problem(web.get().uri("/api/users" + bad).headers(bearer(admin)).exchange(), 400);
        }
    }

    @Test
    void an_edit_answers_the_user_and_a_new_profile_applies_on_the_users_next_request() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String finance = createProfile(admin, "Financeiro", "INVOICES_VIEW");
        String managers = createProfile(admin, "Gestores", "USERS_MANAGE");
        String email = createUser(admin, finance, "Ana");
        String session = loginAs(email);
        problem(web.get().uri("/api/users").headers(bearer(session)).exchange(), 403);

        String id = idOf(admin, email);
        web.put().uri("/api/users/{id}", id).headers(bearer(admin)).contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("name", "Ana Lima", "phone", "11 3333-4444", "cpf", VALID_CPF, "profileId", managers)).exchange()
           .expectStatus().isOk().expectBody()
           .jsonPath("$.name").isEqualTo("Ana Lima").jsonPath("$.cpf").isEqualTo("52998224725")
           .jsonPath("$.profile.name").isEqualTo("Gestores").jsonPath("$.email").isEqualTo(email);
        web.get().uri("/api/users").headers(bearer(session)).exchange().expectStatus().isOk();
    }

    @Test
    void deactivating_ends_the_users_sessions_at_once_and_reactivating_lets_them_log_in_again() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String email = createUser(admin, createProfile(admin, "Técnico", "SERVICES_VIEW"), "Tales");
        String session = loginAs(email);
        String id = idOf(admin, email);

        web.post().uri("/api/users/{id}/deactivate", id).headers(bearer(admin)).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.status").isEqualTo("INACTIVE").jsonPath("$.id").isEqualTo(id);
        problem(web.get().uri("/api/me").headers(bearer(session)).exchange(), 401);
        problem(web.post().uri("/api/users/{id}/deactivate", id).headers(bearer(admin)).exchange(), 409);

        web.post().uri("/api/users/{id}/reactivate", id).headers(bearer(admin)).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        problem(web.get().uri("/api/me").headers(bearer(session)).exchange(), 401);
        loginAs(email);
    }

    @Test
    void nobody_deactivates_themselves_or_the_administrator() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String adminId = (String) get(admin, "/api/me").get("userId");
        problem(web.post().uri("/api/users/{id}/deactivate", adminId).headers(bearer(admin)).exchange(), 409);

        String manager = loginWith(account, "USERS_MANAGE");
        String managerId = (String) get(manager, "/api/me").get("userId");
        problem(web.post().uri("/api/users/{id}/deactivate", managerId).headers(bearer(manager)).exchange(), 409);
        problem(web.post().uri("/api/users/{id}/deactivate", adminId).headers(bearer(manager)).exchange(), 409);
        assertThat(get(admin, "/api/users/{id}", adminId)).containsEntry("status", "ACTIVE");
    }

    @Test
    void another_accounts_user_is_not_found() {
        var other = newAccount();
        String otherAdmin = loginAsAdmin(other);
        String foreign = idOf(otherAdmin, createUser(otherAdmin, createProfile(otherAdmin, "X", "INVOICES_VIEW"), "Alheio"));
        String admin = loginAsAdmin(newAccount());
        String profileId = createProfile(admin, "Y", "INVOICES_VIEW");
        problem(web.get().uri("/api/users/{id}", foreign).headers(bearer(admin)).exchange(), 404);
        problem(web.put().uri("/api/users/{id}", foreign).headers(bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                   .bodyValue(Map.of("name", "Meu", "profileId", profileId)).exchange(), 404);
        problem(web.post().uri("/api/users/{id}/deactivate", foreign).headers(bearer(admin)).exchange(), 404);
        problem(web.post().uri("/api/users/{id}/reactivate", foreign).headers(bearer(admin)).exchange(), 404);
        problem(web.get().uri("/api/users/{id}", UUID.randomUUID()).headers(bearer(admin)).exchange(), 404);
        problem(web.get().uri("/api/users/nope").headers(bearer(admin)).exchange(), 404);
        assertThat((List<?>) get(admin, "/api/users?q=Alheio").get("items")).isEmpty();
        assertThat(get(otherAdmin, "/api/users/{id}", foreign)).containsEntry("status", "ACTIVE").containsEntry("name", "Alheio");
    }

    @Test
    void users_endpoints_need_users_manage() {
        var account = newAccount();
        String viewer = loginWith(account, "INVOICES_VIEW", "PROFILES_MANAGE");
        String viewerId = (String) get(viewer, "/api/me").get("userId");
        problem(web.get().uri("/api/users").headers(bearer(viewer)).exchange(), 403);
        problem(web.get().uri("/api/users/{id}", viewerId).headers(bearer(viewer)).exchange(), 403);
        problem(post(viewer, user("X", email(), UUID.randomUUID().toString())), 403);
        problem(web.post().uri("/api/users/{id}/deactivate", viewerId).headers(bearer(viewer)).exchange(), 403);
    }
}
