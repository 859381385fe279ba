package br.com.opera360.web.account;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static br.com.opera360.testing.IngestBodies.account;
import static org.assertj.core.api.Assertions.assertThat;

class AccountIngestionApiTest extends ApiTest {

    private static String punctuated(String cnpj) {
        return cnpj.substring(0, 2) + "." + cnpj.substring(2, 5) + "." + cnpj.substring(5, 8) + "/"
                + cnpj.substring(8, 12) + "-" + cnpj.substring(12);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitAccountView(String accountId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            var result = web.get().uri("/api/ops/accounts/{id}", accountId).header("X-Api-Key", API_KEY).exchange()
                            .expectBody(Map.class).returnResult();
            // the account and its Administrator are two aggregates: wait until the view has both
            if (result.getStatus().is2xxSuccessful() && result.getResponseBody().get("administratorEmail") != null) {
                return (Map<String, Object>) result.getResponseBody();
            }
            if (Instant.now().isAfter(deadline)) throw new AssertionError("account " + accountId + " never became visible");
            sleep(50);
        }
    }

    @Test
    void a_numeric_cnpj_with_punctuation_registers_the_account_and_emails_the_administrator_a_temporary_password() {
        String cnpj = newCnpj();
        String email = "Ana.Souza." + cnpj + "@Acme.com.br";
        var response = ingest("/api/ingest/accounts", account(punctuated(cnpj), "Acme Telecom Ltda", "Ana Souza", email))
                .expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        String accountId = (String) response.get("accountId");
        assertThat(accountId).isNotBlank();
        assertThat(response).containsOnlyKeys("accountId");

        var view = awaitAccountView(accountId);
        assertThat(view).containsEntry("cnpj", cnpj).containsEntry("companyName", "Acme Telecom Ltda")
                        .containsEntry("administratorName", "Ana Souza")
                        .containsEntry("administratorEmail", email.toLowerCase());

        var mail = outbox().latestTo(email.toLowerCase());
        String password = mail.temporaryPassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(8)
                            .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]");
        assertThat(mail.text()).contains("Senha temporária: " + password);
    }

    @Test
    void an_alphanumeric_cnpj_is_accepted_in_lower_case_and_stored_upper_case_without_punctuation() {
        String cnpj = newAlphanumericCnpj();
        String accountId = (String) ingest("/api/ingest/accounts",
                account(punctuated(cnpj).toLowerCase(), "Alfa Numérica S.A.", "Bia", "bia-" + cnpj + "@alfa.com.br"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("accountId");
        assertThat(awaitAccountView(accountId)).containsEntry("cnpj", cnpj);
    }

    @Test
    void the_receita_federal_example_of_an_alphanumeric_cnpj_is_valid() {
        // Receita Federal's published example: 12.ABC.345/01DE-35. Registered once per test data dir.
        var result = ingest("/api/ingest/accounts", account("12.ABC.345/01DE-35", "Exemplo RFB", "Caio", "caio@exemplo-rfb.com.br"))
                .expectBody(Map.class).returnResult();
        assertThat(result.getStatus().value()).isIn(200, 201);
    }

    @Test
    void a_given_account_id_is_kept() {
        String cnpj = newCnpj();
        var body = account(cnpj, "Beta", "Beto", "beto-" + cnpj + "@beta.com.br");
        body.put("accountId", "beta-" + cnpj);
        ingest("/api/ingest/accounts", body).expectStatus().isCreated()
                .expectBody().jsonPath("$.accountId").isEqualTo("beta-" + cnpj);
        assertThat(awaitAccountView("beta-" + cnpj)).containsEntry("cnpj", cnpj);
    }

    @Test
    void an_identical_resend_answers_200_with_the_same_body_and_sends_no_second_email() {
        String cnpj = newCnpj();
        String email = "gama-" + cnpj + "@gama.com.br";
        var body = account(cnpj, "Gama", "Gil", email);
        String first = (String) ingest("/api/ingest/accounts", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("accountId");
        outbox().latestTo(email);

        // the same payload, also with the CNPJ written another way
        ingest("/api/ingest/accounts", body).expectStatus().isOk().expectBody().jsonPath("$.accountId").isEqualTo(first);
        body.put("cnpj", punctuated(cnpj));
        ingest("/api/ingest/accounts", body).expectStatus().isOk().expectBody().jsonPath("$.accountId").isEqualTo(first);

        sleep(300);
        assertThat(outbox().to(email)).hasSize(1);
    }

    @Test
    void an_identical_resend_with_the_given_account_id_answers_200() {
        String cnpj = newCnpj();
        var body = account(cnpj, "Delta", "Davi", "davi-" + cnpj + "@delta.com.br");
        body.put("accountId", "delta-" + cnpj);
        ingest("/api/ingest/accounts", body).expectStatus().isCreated();
        ingest("/api/ingest/accounts", body).expectStatus().isOk().expectBody().jsonPath("$.accountId").isEqualTo("delta-" + cnpj);
    }

    @Test
    void a_different_payload_for_a_registered_cnpj_is_a_conflict() {
        String cnpj = newCnpj();
        String email = "eps-" + cnpj + "@eps.com.br";
        ingest("/api/ingest/accounts", account(cnpj, "Épsilon", "Eva", email)).expectStatus().isCreated();

        ingest("/api/ingest/accounts", account(cnpj, "Épsilon Renomeada", "Eva", email))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.detail").value(d -> assertThat((String) d).contains("CNPJ"));

        var withOtherId = account(cnpj, "Épsilon", "Eva", email);
        withOtherId.put("accountId", "outra-" + cnpj);
        ingest("/api/ingest/accounts", withOtherId).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void an_account_id_already_used_by_another_cnpj_is_a_conflict_and_claims_nothing() {
        String first = newCnpj();
        var body = account(first, "Zeta", "Zé", "ze-" + first + "@zeta.com.br");
        body.put("accountId", "zeta-" + first);
        ingest("/api/ingest/accounts", body).expectStatus().isCreated();

        String second = newCnpj();
        var clash = account(second, "Zeta Filial", "Zu", "zu-" + second + "@zeta.com.br");
        clash.put("accountId", "zeta-" + first);
        ingest("/api/ingest/accounts", clash).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        // nothing of the refused registration was kept: the CNPJ and the e-mail are still free
        clash.remove("accountId");
        ingest("/api/ingest/accounts", clash).expectStatus().isCreated();
    }

    @Test
    void an_administrator_email_already_used_by_any_user_is_a_conflict_and_claims_nothing() {
        String first = newCnpj();
        String email = "shared-" + first + "@eta.com.br";
        ingest("/api/ingest/accounts", account(first, "Eta", "Ester", email)).expectStatus().isCreated();

        String second = newCnpj();
        ingest("/api/ingest/accounts", account(second, "Teta", "Téo", email.toUpperCase()))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("E-mail"));

        ingest("/api/ingest/accounts", account(second, "Teta", "Téo", "teo-" + second + "@teta.com.br")).expectStatus().isCreated();
    }

    @Test
    void an_invalid_cnpj_is_a_400_with_a_field_error() {
        String cnpj = newCnpj();
        String wrongDigit = cnpj.substring(0, 13) + ((cnpj.charAt(13) - '0' + 1) % 10);
        for (String invalid : List.of(wrongDigit, "11111111111111", "1234567890123", "12.345.678/0001-9X", "")) {
            ingest("/api/ingest/accounts", account(invalid, "Iota", "Ivo", "ivo-" + cnpj + "@iota.com.br"))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").exists().jsonPath("$.title").exists().jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.detail").exists()
                    .jsonPath("$.errors[0].field").isEqualTo("cnpj")
                    .jsonPath("$.errors[0].message").exists();
        }
        // the rejected requests changed nothing: the e-mail is still free
        ingest("/api/ingest/accounts", account(cnpj, "Iota", "Ivo", "ivo-" + cnpj + "@iota.com.br")).expectStatus().isCreated();
    }

    @Test
    void every_missing_or_invalid_field_is_reported_at_once() {
        ingest("/api/ingest/accounts", Map.of("cnpj", "123", "administrator", Map.of("email", "not-an-email")))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("cnpj", "companyName", "administrator.name", "administrator.email"));
        ingest("/api/ingest/accounts", Map.of("cnpj", newCnpj(), "companyName", "Kapa"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .contains("administrator.name", "administrator.email"));
    }

    @Test
    void ingestion_without_the_right_api_key_is_401_problem_json() {
        var body = account(newCnpj(), "Lambda", "Lia", "lia@lambda.com.br");
        web.post().uri("/api/ingest/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
           .expectStatus().isUnauthorized()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
           .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.detail").exists();
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY + "x").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(body).exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", "").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(body).exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/ops/accounts/x").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void an_unknown_account_is_404_for_operators() {
        web.get().uri("/api/ops/accounts/{id}", "no-such-account").header("X-Api-Key", API_KEY).exchange()
           .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/ops/accounts/{id}", "bad id!").header("X-Api-Key", API_KEY).exchange()
           .expectStatus().isNotFound();
    }

    @Test
    void concurrent_identical_registrations_create_the_account_once() throws Exception {
        String cnpj = newCnpj();
        String email = "mu-" + cnpj + "@mu.com.br";
        var statuses = race(8, "/api/ingest/accounts", i -> account(cnpj, "Mu", "Mara", email));
        assertThat(statuses).containsOnly(201, 200);
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        sleep(300);
        assertThat(outbox().to(email)).hasSize(1);
    }

    @Test
    void concurrent_conflicting_registrations_let_exactly_one_win() throws Exception {
        String cnpj = newCnpj();
        var statuses = race(6, "/api/ingest/accounts", i -> account(cnpj, "Nu " + i, "Nina", "nina-" + i + "-" + cnpj + "@nu.com.br"));
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(5);
    }

    @Test
    void concurrent_registrations_of_one_account_id_with_different_cnpjs_let_exactly_one_win_and_never_fail() throws Exception {
        String accountId = "corrida-" + newCnpj();
        var statuses = race(6, "/api/ingest/accounts", i -> {
            String cnpj = newCnpj();
            var body = account(cnpj, "Xi " + i, "Xis", "xi-" + cnpj + "@xi.com.br");
            body.put("accountId", accountId);
            return body;
        });
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
