package br.com.opera360.web.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.user.CreateUser;
import br.com.opera360.query.common.ReadModelGenerations;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.web.security.AccessTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract, Authentication: two-step login, lockout, sessions, passwords, "forgot password". */
class AuthenticationApiTest extends ApiTest {
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    MongoTemplate mongo;

    private WebTestClient.ResponseSpec postLogin(String email, String password) {
        return web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec postToken(String challengeId, String token) {
        return web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(Map.of("challengeId", challengeId, "token", token)).exchange();
    }

    private String problemOf(WebTestClient.ResponseSpec spec, int status) {
        return spec.expectStatus().isEqualTo(status)
                   .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                   .expectBody(String.class).returnResult().getResponseBody();
    }

    private String tokenAfter(String email, int mailsBefore) {
        return outbox().awaitCount(email, mailsBefore + 1).get(mailsBefore).token();
    }

    private String wrong(String token) {
        return String.format("%06d", (Integer.parseInt(token) + 1) % 1_000_000);
    }

    @Test
    void the_password_step_answers_202_with_a_challenge_valid_10_minutes_and_emails_a_6_digit_token() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        int before = outbox().to(account.adminEmail()).size();

        var body = postLogin(account.adminEmail(), password).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).containsOnlyKeys("challengeId", "expiresAt");
        assertThat(Instant.parse((String) body.get("expiresAt"))).isEqualTo(START.plus(Duration.ofMinutes(10)));

        var mail = outbox().awaitCount(account.adminEmail(), before + 1).get(before);
        var sixDigits = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(mail.text()).results().toList();
        assertThat(sixDigits).as("the token is the only 6-digit number of the text").hasSize(1);
        assertThat(mail.text()).doesNotContain(account.cnpj());
    }

    @Test
    void the_token_step_answers_a_bearer_access_token_and_says_a_temporary_password_must_be_changed() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        int before = outbox().to(account.adminEmail()).size();
        String challengeId = requestLoginToken(account.adminEmail(), password);

        var body = postToken(challengeId, tokenAfter(account.adminEmail(), before)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).containsOnlyKeys("accessToken", "tokenType", "expiresIn", "mustChangePassword")
                        .containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 8 * 3600)
                        .containsEntry("mustChangePassword", true);
        web.get().uri("/api/me").headers(bearer((String) body.get("accessToken"))).exchange().expectStatus().isOk();
    }

    @Test
    void surrounding_spaces_in_the_pasted_token_are_ignored() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        int before = outbox().to(account.adminEmail()).size();
        String challengeId = requestLoginToken(account.adminEmail(), password);
        postToken(challengeId, "  " + tokenAfter(account.adminEmail(), before) + " \t").expectStatus().isOk();
    }

    @Test
    void a_token_works_only_once() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        int before = outbox().to(account.adminEmail()).size();
        String challengeId = requestLoginToken(account.adminEmail(), password);
        String token = tokenAfter(account.adminEmail(), before);
        postToken(challengeId, token).expectStatus().isOk();
        problemOf(postToken(challengeId, token), 401);
    }

    @Test
    void a_wrong_token_is_401_and_after_5_wrong_tokens_the_challenge_is_void() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        int before = outbox().to(account.adminEmail()).size();
        String challengeId = requestLoginToken(account.adminEmail(), password);
        String token = tokenAfter(account.adminEmail(), before);
        for (int i = 0; i < 5; i++) problemOf(postToken(challengeId, wrong(token)), 401);
        problemOf(postToken(challengeId, token), 401);
    }

    @Test
    void a_token_is_refused_once_its_10_minutes_have_passed() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        int before = outbox().to(account.adminEmail()).size();
        String challengeId = requestLoginToken(account.adminEmail(), password);
        String token = tokenAfter(account.adminEmail(), before);
        clock.add(Duration.ofMinutes(10));
        problemOf(postToken(challengeId, token), 401);
    }

    @Test
    void an_unknown_challenge_or_a_malformed_body_is_refused() {
        problemOf(postToken("no-such-challenge", "123456"), 401);
        problemOf(web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("challengeId", "x"))
                     .exchange(), 400);
        problemOf(web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "not-an-email", "password", "x"))
                     .exchange(), 400);
    }

    @Test
    void unknown_email_wrong_password_and_inactive_user_get_one_and_the_same_401() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Faturas", "INVOICES_VIEW");
        String userEmail = createUser(admin, profileId, "Rita Inativa");
        String userToken = loginAs(userEmail);
        String userId = (String) web.get().uri("/api/me").headers(bearer(userToken)).exchange()
                                   .expectBody(Map.class).returnResult().getResponseBody().get("userId");
        web.post().uri("/api/users/{id}/deactivate", userId).headers(bearer(admin)).exchange().expectStatus().isOk();

        String unknown = problemOf(postLogin("ninguem-" + account.cnpj() + "@cliente.com.br", "Qualquer#123"), 401);
        String wrongPassword = problemOf(postLogin(account.adminEmail(), "Errada#123"), 401);
        String inactive = problemOf(postLogin(userEmail, knownPassword(userEmail)), 401);
        assertThat(wrongPassword).isEqualTo(unknown);
        assertThat(inactive).isEqualTo(unknown);
    }

    @Test
    void five_consecutive_failures_lock_the_email_for_15_minutes_even_for_the_right_password() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        for (int i = 0; i < 5; i++) problemOf(postLogin(account.adminEmail(), "Errada#" + i), 401);
        problemOf(postLogin(account.adminEmail(), password), 429);

        clock.add(Duration.ofMinutes(14));
        problemOf(postLogin(account.adminEmail(), password), 429);
        clock.add(Duration.ofMinutes(1));
        postLogin(account.adminEmail(), password).expectStatus().isAccepted();
    }

    @Test
    void unknown_emails_are_locked_out_too() {
        String email = "fantasma-" + newCnpj() + "@cliente.com.br";
        for (int i = 0; i < 5; i++) problemOf(postLogin(email, "Errada#" + i), 401);
        problemOf(postLogin(email, "Errada#9"), 429);
    }

    @Test
    void a_successful_login_resets_the_failure_count() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        for (int i = 0; i < 4; i++) problemOf(postLogin(account.adminEmail(), "Errada#" + i), 401);
        postLogin(account.adminEmail(), password).expectStatus().isAccepted();
        for (int i = 0; i < 4; i++) problemOf(postLogin(account.adminEmail(), "Errada#" + i), 401);
        postLogin(account.adminEmail(), password).expectStatus().isAccepted();
    }

    @Test
    void only_the_administrator_may_log_in_while_the_account_was_never_accessed() {
        var account = newAccount();
        // no user but the Administrator can exist through the API before the first access: create one directly
        String adminProfile = (String) awaitAdministratorProfileId(account);
        String email = "precoce-" + account.cnpj() + "@cliente.com.br";
        commandGateway.sendAndWait(new CreateUser(UserId.generate(), new AccountId(account.accountId()), "Pedro Precoce",
                new Email(email), null, null, new ProfileId(adminProfile), null));
        String userPassword = temporaryPasswordOf(email);

        String refused = problemOf(postLogin(email, userPassword), 401);
        assertThat(refused).isEqualTo(problemOf(postLogin(account.adminEmail(), "Errada#1"), 401));

        loginAsAdmin(account);
        postLogin(email, userPassword).expectStatus().isAccepted();
    }

    private Object awaitAdministratorProfileId(TestAccount account) {
        // the Administrator's view holds the built-in profile's id once ingestion is projected
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            var rows = jdbcProfileId(account);
            if (rows != null) return rows;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("no profile for " + account.accountId());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String jdbcProfileId(TestAccount account) {
        List<byte[]> payloads = jdbc.queryForList("select payload from DomainEventEntry where aggregateIdentifier = ? and payloadType = 'ProfileCreated'",
                byte[].class, account.accountId());
        if (payloads.isEmpty()) return null;
        var m = Pattern.compile("\"profileId\":\"([^\"]+)\"").matcher(new String(payloads.get(0), java.nio.charset.StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    @Test
    void with_a_temporary_password_only_me_password_and_logout_answer_everything_else_is_403() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        String session = login(account.adminEmail(), password);

        web.get().uri("/api/me").headers(bearer(session)).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);
        for (String path : List.of("/api/functionalities", "/api/profiles", "/api/users", "/api/nothing/here")) {
            assertThat(problemOf(web.get().uri(path).headers(bearer(session)).exchange(), 403)).contains("senha temporária");
        }
        web.post().uri("/api/auth/logout").headers(bearer(session)).exchange().expectStatus().isNoContent();
        web.get().uri("/api/me").headers(bearer(session)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_new_password_must_follow_the_policy_and_the_400_names_every_unmet_rule() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        String session = login(account.adminEmail(), password);
        String body = problemOf(web.post().uri("/api/auth/password").headers(bearer(session)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", password, "newPassword", "abc")).exchange(), 400);
        assertThat(body).contains("\"field\":\"newPassword\"", "8 caracteres", "maiúscula", "dígito", "especial")
                        .doesNotContain("minúscula");
        for (String weak : List.of("Sem-Digito", "sem#maiuscula1", "SEM#MINUSCULA1", "SemEspecial1", "Cu#1")) {
            problemOf(web.post().uri("/api/auth/password").headers(bearer(session)).contentType(MediaType.APPLICATION_JSON)
                         .bodyValue(Map.of("currentPassword", password, "newPassword", weak)).exchange(), 400);
        }
        web.get().uri("/api/me").headers(bearer(session)).exchange().expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);
    }

    @Test
    void a_wrong_current_password_is_400() {
        var account = newAccount();
        String password = temporaryPasswordOf(account.adminEmail());
        String session = login(account.adminEmail(), password);
        assertThat(problemOf(web.post().uri("/api/auth/password").headers(bearer(session)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "Errada#123", "newPassword", "Nova#Senha9")).exchange(), 400))
                .contains("currentPassword");
    }

    @Test
    void a_password_change_keeps_this_session_ends_the_others_and_replaces_the_password() {
        var account = newAccount();
        String temporary = temporaryPasswordOf(account.adminEmail());
        String first = login(account.adminEmail(), temporary);
        String second = login(account.adminEmail(), temporary);

        changePassword(second, temporary, "Nova#Senha9");
        web.get().uri("/api/me").headers(bearer(second)).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.mustChangePassword").isEqualTo(false);
        web.get().uri("/api/functionalities").headers(bearer(second)).exchange().expectStatus().isOk();
        web.get().uri("/api/me").headers(bearer(first)).exchange().expectStatus().isUnauthorized();

        problemOf(postLogin(account.adminEmail(), temporary), 401);
        login(account.adminEmail(), "Nova#Senha9");
    }

    @Test
    void logout_ends_only_that_access_token() {
        var account = newAccount();
        String one = loginAsAdmin(account);
        String other = loginAsAdmin(account);
        web.post().uri("/api/auth/logout").headers(bearer(one)).exchange().expectStatus().isNoContent();
        problemOf(web.get().uri("/api/me").headers(bearer(one)).exchange(), 401);
        web.get().uri("/api/me").headers(bearer(other)).exchange().expectStatus().isOk();
    }

    @Test
    void an_access_token_dies_when_the_session_lifetime_has_passed() {
        var account = newAccount();
        String session = loginAsAdmin(account);
        clock.add(Duration.ofHours(8).minusSeconds(1));
        web.get().uri("/api/me").headers(bearer(session)).exchange().expectStatus().isOk();
        clock.add(Duration.ofSeconds(1));
        problemOf(web.get().uri("/api/me").headers(bearer(session)).exchange(), 401);
    }

    @Test
    void without_a_valid_bearer_token_portal_endpoints_answer_401() {
        problemOf(web.get().uri("/api/me").exchange(), 401);
        problemOf(web.get().uri("/api/profiles").headers(bearer("not-a-session")).exchange(), 401);
        // an integration key is no portal session
        problemOf(web.get().uri("/api/users").header("X-Api-Key", API_KEY).exchange(), 401);
    }

    @Test
    void an_access_token_works_only_for_the_user_it_was_issued_to() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String other = loginWith(account, "SERVICES_VIEW");
        String adminUser = admin.substring(0, admin.lastIndexOf('.'));
        String otherUser = other.substring(0, other.lastIndexOf('.'));
        String adminSecret = admin.substring(admin.lastIndexOf('.') + 1);
        // the session's own secret under another user's name is nobody's session
        problemOf(web.get().uri("/api/me").headers(bearer(otherUser + "." + adminSecret)).exchange(), 401);
        problemOf(web.get().uri("/api/me").headers(bearer(adminUser + ".x" + adminSecret)).exchange(), 401);
        problemOf(web.get().uri("/api/me").headers(bearer("$where." + adminSecret)).exchange(), 401);
        web.get().uri("/api/me").headers(bearer(admin)).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.userId").isEqualTo(adminUser);
    }

    @Test
    void forgot_password_answers_202_always_and_400_for_a_malformed_body() {
        problemOf(web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
                     .bodyValue(Map.of("email", "nope")).exchange(), 400);
        problemOf(web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
                     .bodyValue("{").exchange(), 400);
        String unknown = "sumido-" + newCnpj() + "@cliente.com.br";
        web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("email", unknown)).exchange().expectStatus().isAccepted();
        assertThat(outbox().to(unknown)).isEmpty();
    }

    @Test
    void a_forgotten_password_of_a_user_goes_to_the_administrator_and_replaces_the_old_one() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String userEmail = createUser(admin, createProfile(admin, "Técnico", "SERVICES_VIEW"), "Tiago Técnico");
        loginAs(userEmail);
        int userMails = outbox().to(userEmail).size();
        int adminMails = outbox().to(account.adminEmail()).size();

        web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("email", userEmail.toUpperCase())).exchange().expectStatus().isAccepted();

        var mail = outbox().awaitCount(account.adminEmail(), adminMails + 1).get(adminMails);
        assertThat(mail.text()).contains(userEmail, "Tiago Técnico");
        String temporary = mail.temporaryPassword();
        assertThat(outbox().to(userEmail)).hasSize(userMails);

        problemOf(postLogin(userEmail, knownPassword(userEmail)), 401);
        String session = login(userEmail, temporary);
        web.get().uri("/api/me").headers(bearer(session)).exchange().expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);
    }

    @Test
    void a_session_already_open_when_a_temporary_password_is_issued_must_change_it_too() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String userEmail = createUser(admin, createProfile(admin, "Técnico", "SERVICES_VIEW"), "Tânia Técnica");
        String open = loginAs(userEmail);
        web.get().uri("/api/functionalities").headers(bearer(open)).exchange().expectStatus().isOk();
        int adminMails = outbox().to(account.adminEmail()).size();

        web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("email", userEmail)).exchange().expectStatus().isAccepted();
        String temporary = outbox().awaitCount(account.adminEmail(), adminMails + 1).get(adminMails).temporaryPassword();

        // the session opened with the old password now holds a temporary one, like a session opened with it
        web.get().uri("/api/me").headers(bearer(open)).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);
        assertThat(problemOf(web.get().uri("/api/functionalities").headers(bearer(open)).exchange(), 403)).contains("senha temporária");
        changePassword(open, temporary, "Outra#Senha7");
        web.get().uri("/api/functionalities").headers(bearer(open)).exchange().expectStatus().isOk();
    }

    /** Sessions opened before they recorded the password state (an older version's data): the credentials decide. */
    @Test
    void a_session_stored_without_the_password_state_asks_the_credentials() {
        var account = newAccount();
        String changed = loginAsAdmin(account);
        web.get().uri("/api/functionalities").headers(bearer(legacySessionOf(changed, account))).exchange().expectStatus().isOk();

        var other = newAccount();
        String temporary = login(other.adminEmail(), temporaryPasswordOf(other.adminEmail()));
        assertThat(problemOf(web.get().uri("/api/functionalities").headers(bearer(legacySessionOf(temporary, other))).exchange(), 403))
                .contains("senha temporária");
    }

    /** A second session of the signed-in user, stored as sessions were before they recorded the password state. */
    private String legacySessionOf(String accessToken, TestAccount account) {
        String userId = (String) web.get().uri("/api/me").headers(bearer(accessToken)).exchange().expectStatus().isOk()
                                    .expectBody(Map.class).returnResult().getResponseBody().get("userId");
        String secret = AccessTokens.secret();
        Instant now = clock.instant();
        mongo.insert(new org.bson.Document("_id", AccessTokens.sessionId(secret)).append("userId", userId)
                .append("accountId", account.accountId()).append("createdAt", java.util.Date.from(now))
                .append("expiresAt", java.util.Date.from(now.plus(Duration.ofHours(1)))), "sessions");
        return AccessTokens.token(userId, secret);
    }

    @Test
    void a_forgotten_password_of_the_administrator_goes_to_the_administrator() {
        var account = newAccount();
        loginAsAdmin(account);
        int before = outbox().to(account.adminEmail()).size();
        web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("email", account.adminEmail())).exchange().expectStatus().isAccepted();
        String temporary = outbox().awaitCount(account.adminEmail(), before + 1).get(before).temporaryPassword();
        login(account.adminEmail(), temporary);
    }

    @Test
    void me_tells_who_is_signed_in_with_the_company_the_profile_and_the_functionalities() {
        var account = newAccount();
        String session = loginAsAdmin(account);
        var me = web.get().uri("/api/me").headers(bearer(session)).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(me).containsOnlyKeys("userId", "name", "email", "accountId", "companyName", "cnpj", "administrator",
                        "profile", "functionalities", "mustChangePassword")
                      .containsEntry("email", account.adminEmail()).containsEntry("accountId", account.accountId())
                      .containsEntry("companyName", "Cliente " + account.cnpj()).containsEntry("cnpj", account.cnpj())
                      .containsEntry("administrator", true).containsEntry("mustChangePassword", false)
                      .containsEntry("profile", Map.of("id", ((Map<?, ?>) me.get("profile")).get("id"), "name", "Administrador"));
        assertThat((List<?>) me.get("functionalities")).hasSize(10);
    }

    @Test
    void me_reads_the_company_with_the_user_and_falls_back_to_the_account_view_when_the_users_read_model_lacks_it()
            throws InterruptedException {
        var account = newAccount();
        String session = loginAsAdmin(account);
        var byId = Query.query(Criteria.where("_id").is(account.accountId()));
        String accounts = ReadModelGenerations.collection("account", "accounts");
        String companies = ReadModelGenerations.collection("identity", "companies");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // the account view is another projection: change it once it is there
        while (mongo.updateFirst(byId, Update.update("companyName", "Só na conta"), accounts).getMatchedCount() == 0) {
            assertThat(System.nanoTime()).as("account view written").isLessThan(deadline);
            Thread.sleep(20);
        }
        // the copy read with the user answers: the account view is not read
        assertThat(me(session)).containsEntry("companyName", "Cliente " + account.cnpj()).containsEntry("cnpj", account.cnpj());
        // a users' read model built before it kept companies: the account view answers
        assertThat(mongo.remove(byId, companies).getDeletedCount()).isEqualTo(1);
        assertThat(me(session)).containsEntry("companyName", "Só na conta").containsEntry("cnpj", account.cnpj());
    }

    private Map<String, Object> me(String session) {
        return web.get().uri("/api/me").headers(bearer(session)).exchange().expectStatus().isOk()
                  .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    }

    @Test
    void functionalities_are_listed_with_pt_br_names_and_modules_for_any_signed_in_user() {
        var account = newAccount();
        String session = loginWith(account, "SERVICES_VIEW");
        var list = web.get().uri("/api/functionalities").headers(bearer(session)).exchange().expectStatus().isOk()
                      .expectBody(List.class).returnResult().getResponseBody();
        assertThat(list).hasSize(10).contains(Map.of("code", "INVOICES_VIEW", "name", "Visualizar faturas", "module", "Faturas"),
                Map.of("code", "USERS_MANAGE", "name", "Gerenciar usuários", "module", "Administração"));
    }
}
