package br.com.opera360.app.identity;

import br.com.opera360.testing.ApiTest;
import br.com.opera360.web.security.AccessTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Secrets (passwords, their hashes, login tokens and their hashes, access tokens and session ids) used in a full
 * identity journey never show up in the logs, in the event store (payloads and metadata), in the audit read model and
 * its API, or in any API answer other than the one that hands out the access token.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentitySecretsApiTest extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;

    private final List<String> answers = new ArrayList<>();
    private final List<String> passwords = new ArrayList<>();
    private final List<String> loginTokens = new ArrayList<>();
    private final List<String> accessTokens = new ArrayList<>();

    private String answer(WebTestClient.ResponseSpec spec) {
        String body = spec.expectBody(String.class).returnResult().getResponseBody();
        answers.add(body == null ? "" : body);
        return body;
    }

    private WebTestClient.ResponseSpec post(String uri, String bearer, Object body) {
        var spec = web.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (bearer != null) spec.headers(bearer(bearer));
        return spec.bodyValue(body).exchange();
    }

    /** Both steps by hand, so every token is known; a wrong password and a wrong token are tried first. */
    private String signIn(String email, String password) {
        answer(post("/api/auth/login", null, Map.of("email", email, "password", password + "x")));
        int before = outbox().to(email).size();
        @SuppressWarnings("unchecked")
        String challengeId = (String) post("/api/auth/login", null, Map.of("email", email, "password", password))
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("challengeId");
        String token = outbox().awaitCount(email, before + 1).get(before).token();
        loginTokens.add(token);
        answer(post("/api/auth/token", null, Map.of("challengeId", challengeId, "token", String.format("%06d", (Integer.parseInt(token) + 7) % 1_000_000))));
        String tokenAnswer = post("/api/auth/token", null, Map.of("challengeId", challengeId, "token", token))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String accessToken = (String) parse(tokenAnswer).get("accessToken");
        accessTokens.add(accessToken);
        // the one answer that carries a secret carries only its own access token
        assertThat(tokenAnswer).doesNotContain(password, token);
        return accessToken;
    }

    private static Map<?, ?> parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every page of the account's audit events (waiting for the projection to show the logout), kept as answers. */
    private List<String> auditOf(String adminToken) {
        List<String> pages = new ArrayList<>();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            pages.clear();
            for (int page = 0; ; page++) {
                String body = web.get().uri("/api/audit/events?size=5&page=" + page).headers(bearer(adminToken)).exchange()
                                 .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                pages.add(body);
                if (page + 1 >= ((Number) parse(body).get("totalPages")).intValue()) break;
            }
            if (pages.stream().anyMatch(p -> p.contains("\"UserLoggedOut\"")) || System.nanoTime() > deadline) break;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        answers.addAll(pages);
        return pages;
    }

    @Test
    void no_password_hash_or_token_of_an_identity_journey_reaches_logs_events_or_answers(CapturedOutput output) {
        var account = newAccount();
        String temporary = temporaryPasswordOf(account.adminEmail());
        passwords.add(temporary);
        String admin = signIn(account.adminEmail(), temporary);
        answer(post("/api/auth/password", admin, Map.of("currentPassword", temporary, "newPassword", "fraca")));
        answer(post("/api/auth/password", admin, Map.of("currentPassword", temporary + "x", "newPassword", "Segredo#Admin1")));
        passwords.add("Segredo#Admin1");
        post("/api/auth/password", admin, Map.of("currentPassword", temporary, "newPassword", "Segredo#Admin1")).expectStatus().isNoContent();

        @SuppressWarnings("unchecked")
        String profileId = (String) post("/api/profiles", admin, Map.of("name", "Financeiro", "functionalities", List.of("INVOICES_VIEW")))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String userEmail = "segredos-" + account.cnpj() + "@cliente.com.br";
        answer(post("/api/users", admin, Map.of("name", "Sigilosa", "email", userEmail, "profileId", profileId)));
        String userTemporary = temporaryPasswordOf(userEmail);
        passwords.add(userTemporary);
        String user = signIn(userEmail, userTemporary);
        post("/api/auth/password", user, Map.of("currentPassword", userTemporary, "newPassword", "Segredo#User2")).expectStatus().isNoContent();
        passwords.add("Segredo#User2");

        answer(post("/api/auth/forgot-password", null, Map.of("email", userEmail)));
        String resetTemporary = temporaryPasswordOf(account.adminEmail());
        passwords.add(resetTemporary);
        String reset = signIn(userEmail, resetTemporary);

        for (String token : List.of(admin, user, reset)) {
            answer(web.get().uri("/api/me").headers(bearer(token)).exchange());
        }
        answer(web.get().uri("/api/users").headers(bearer(admin)).exchange());
        answer(web.get().uri("/api/profiles").headers(bearer(admin)).exchange());
        answer(web.get().uri("/api/profiles/{id}", profileId).headers(bearer(admin)).exchange());
        answer(web.post().uri("/api/auth/logout").headers(bearer(user)).exchange());
        answer(web.get().uri("/api/me").headers(bearer(user)).exchange());
        List<String> audit = auditOf(admin);


        List<String> hashes = new ArrayList<>();
        for (Document d : mongo.findAll(Document.class, MongoCredentialStore.COLLECTION)) hashes.add(d.getString("passwordHash"));
        for (Document d : mongo.findAll(Document.class, MongoLoginChallenges.COLLECTION)) hashes.add(d.getString("tokenHash"));
        accessTokens.forEach(t -> hashes.add(AccessTokens.Presented.of(t).sessionId()));
        assertThat(hashes).hasSizeGreaterThan(5);

        List<String> stored = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select payload, metaData from DomainEventEntry")) {
            stored.add(new String((byte[]) row.get("PAYLOAD"), StandardCharsets.UTF_8));
            if (row.get("METADATA") != null) stored.add(new String((byte[]) row.get("METADATA"), StandardCharsets.UTF_8));
        }
        // the audit read model and API show every event of the journey, payload and metadata, and no secret
        for (Document d : mongo.findAll(Document.class, br.com.opera360.query.common.ReadModelGenerations.collection("audit", "audit_events"))) stored.add(d.toJson());
        assertThat(audit).as("audit answers").anyMatch(a -> a.contains("\"LoginSucceeded\""))
                .anyMatch(a -> a.contains("\"PasswordChanged\"")).anyMatch(a -> a.contains("\"TemporaryPasswordIssued\""))
                .anyMatch(a -> a.contains("\"LoginFailed\"")).anyMatch(a -> a.contains("\"UserLoggedOut\""));
        String logs = output.getAll();
        assertThat(logs).contains("logged in");

        List<String> plain = new ArrayList<>(passwords);
        plain.addAll(hashes);
        plain.addAll(accessTokens);
        // the secret part of each token (the part after the user id) on its own
        accessTokens.forEach(t -> plain.add(t.substring(t.lastIndexOf('.') + 1)));
        for (String secret : plain) {
            assertThat(logs).as("logs").doesNotContain(secret);
            assertThat(stored).as("event store").noneMatch(s -> s.contains(secret));
            assertThat(answers).as("API answers").noneMatch(s -> s.contains(secret));
        }
        // a 6-digit token may occur by chance inside a UUID: look for it as a word of its own
        for (String token : loginTokens) {
            Pattern word = Pattern.compile("(?<![0-9A-Za-z])" + token + "(?![0-9A-Za-z])");
            assertThat(word.matcher(logs).find()).as("logs contain login token").isFalse();
            assertThat(stored).as("event store").noneMatch(s -> word.matcher(s).find());
            assertThat(answers).as("API answers").noneMatch(s -> word.matcher(s).find());
        }
        assertThat(mongo.count(query(where("_id").in(accessTokens)), MongoSessions.COLLECTION)).as("raw tokens stored").isZero();
    }
}
