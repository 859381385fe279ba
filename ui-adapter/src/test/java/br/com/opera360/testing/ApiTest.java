package br.com.opera360.testing;

import br.com.opera360.Opera360Application;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.threeten.extra.MutableClock;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The real embedded application on a random port, one context for every API test, its own data dir under
 * {@code target/api-test/}. Each test ingests its own customer account, so tests never see each other's data.
 * Time moves with {@link #clock}; it is reset before each test.
 */
@SpringBootTest(classes = Opera360Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiTest.TestClock.class)
@AutoConfigureObservability // metrics as in production: /actuator/prometheus is part of what we test
public abstract class ApiTest {
    public static final String API_KEY = "test-ingest-key";
    public static final Instant START = Instant.parse("2026-03-10T15:00:00Z");
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    protected static final Path DATA_DIR = Path.of("target/api-test/" + UUID.randomUUID()).toAbsolutePath();
    /** Invoices of this issuer have no Pix (its override has an empty key); those of the other have their own receiver. */
    public static final String ISSUER_WITHOUT_PIX = "90000001000129";
    public static final String ISSUER_WITH_OWN_PIX = "90000002000173";
    private static final AtomicLong CNPJ_SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("opera360.data-dir", DATA_DIR::toString);
        registry.add("opera360.demo-data", () -> "false");
        registry.add("opera360.ingest.api-key", () -> API_KEY);
        registry.add("opera360.exports.sweep-interval", () -> "PT1S"); // expired export files go within a second
        registry.add("opera360.read-models.drop-grace", () -> "PT2S"); // a replaced read-model generation goes soon
        registry.add("opera360.reminders.sweep-interval", () -> "0s"); // reminder tests sweep by hand, on days of their own
        registry.add("opera360.pix.issuers." + ISSUER_WITHOUT_PIX + ".key", () -> "");
        registry.add("opera360.pix.issuers." + ISSUER_WITH_OWN_PIX + ".key", () -> "pix@outra-emissora.com.br");
        registry.add("opera360.pix.issuers." + ISSUER_WITH_OWN_PIX + ".merchant-name", () -> "Outra Emissora S.A.");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.of(START, SAO_PAULO);
        }

        /** WebTestClient's 5 s default is too short for a first request on a busy 2-core CI machine. */
        @Bean
        WebTestClientBuilderCustomizer patientClient() {
            return builder -> builder.responseTimeout(java.time.Duration.ofSeconds(30));
        }
    }

    @BeforeEach
    void resetClock() {
        clock.setInstant(START);
    }

    protected Outbox outbox() {
        return new Outbox(DATA_DIR.resolve("outbox"));
    }

    protected WebTestClient.ResponseSpec ingest(String path, Object body) {
        return web.post().uri(path).header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(body).exchange();
    }

    /** A fresh, valid numeric CNPJ no other test uses. */
    public static String newCnpj() {
        String base = String.format("%08d0001", CNPJ_SEQUENCE.incrementAndGet() % 100_000_000L);
        return base + checkDigits(base);
    }

    /** A fresh, valid alphanumeric CNPJ (July 2026 format), e.g. {@code 12ABC34501DE35}. */
    public static String newAlphanumericCnpj() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var random = new java.util.Random();
        StringBuilder base = new StringBuilder("A");
        while (base.length() < 12) base.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return base + checkDigits(base.toString());
    }

    /** CNPJ mod-11 check digits; letters are worth their ASCII code - 48 (Receita Federal's alphanumeric rule). */
    public static String checkDigits(String twelve) {
        int d1 = mod11(twelve, new int[]{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        int d2 = mod11(twelve + d1, new int[]{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        return "" + d1 + d2;
    }

    private static int mod11(String s, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (s.charAt(i) - '0') * weights[i];
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    /** Registers a new customer account; answers its id and the Administrator's e-mail. */
    protected TestAccount newAccount() {
        String cnpj = newCnpj();
        String email = "admin-" + cnpj + "@cliente.com.br";
        var body = IngestBodies.account(cnpj, "Cliente " + cnpj, "Administradora " + cnpj, email);
        String accountId = ingest("/api/ingest/accounts", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("accountId").toString();
        return new TestAccount(accountId, cnpj, email);
    }

    public record TestAccount(String accountId, String cnpj, String adminEmail) {
    }

    /**
     * {@code n} ingestions of {@code path} sent at once from {@code n} threads, each with its body from
     * {@code bodies}; answers their HTTP statuses in the order of the bodies.
     */
    protected List<Integer> race(int n, String path, IntFunction<?> bodies) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Object body = bodies.apply(i);
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ingest(path, body).returnResult(String.class).getStatus().value();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var f : futures) statuses.add(f.get());
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- identity helpers: other features log in with these -------------------------------------------------------

    /** Passwords the helpers chose, by e-mail, so a second login of the same user works. */
    private static final Map<String, String> KNOWN_PASSWORDS = new ConcurrentHashMap<>();
    private static final AtomicLong USER_SEQUENCE = new AtomicLong();

    /** {@code web.get().uri(...).headers(bearer(token))} */
    public static Consumer<HttpHeaders> bearer(String accessToken) {
        return h -> h.setBearerAuth(accessToken);
    }

    /** The password of the newest "Senha temporária" e-mail to {@code recipient}. */
    protected String temporaryPasswordOf(String recipient) {
        List<Outbox.Mail> mails = outbox().awaitCount(recipient, 1);
        for (int i = mails.size() - 1; i >= 0; i--) {
            if (mails.get(i).text().contains("Senha temporária: ")) return mails.get(i).temporaryPassword();
        }
        throw new AssertionError("no temporary password e-mailed to " + recipient);
    }

    /** Password step: answers the challenge id (asserts 202). */
    protected String requestLoginToken(String email, String password) {
        return (String) web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                           .bodyValue(Map.of("email", email, "password", password)).exchange()
                           .expectStatus().isAccepted()
                           .expectBody(Map.class).returnResult().getResponseBody().get("challengeId");
    }

    /** Both login steps with the token read from the outbox; answers the access token. */
    protected String login(String email, String password) {
        int before = outbox().to(email).size();
        String challengeId = requestLoginToken(email, password);
        String token = outbox().awaitCount(email, before + 1).get(before).token();
        return (String) web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                           .bodyValue(Map.of("challengeId", challengeId, "token", token)).exchange()
                           .expectStatus().isOk()
                           .expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
    }

    protected void changePassword(String accessToken, String currentPassword, String newPassword) {
        web.post().uri("/api/auth/password").headers(bearer(accessToken)).contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("currentPassword", currentPassword, "newPassword", newPassword)).exchange()
           .expectStatus().isNoContent();
    }

    /**
     * Logs the user in, ready to use the portal: the first time with the e-mailed temporary password, which is then
     * changed (and remembered for later logins). Answers a bearer token of a session that may use every endpoint.
     */
    protected String loginAs(String email) {
        String known = KNOWN_PASSWORDS.get(email);
        if (known != null) return login(email, known);
        String temporary = temporaryPasswordOf(email);
        String accessToken = login(email, temporary);
        String chosen = "Portal#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1"; // the hex part may lack a digit
        changePassword(accessToken, temporary, chosen);
        KNOWN_PASSWORDS.put(email, chosen);
        return accessToken;
    }

    protected String loginAsAdmin(TestAccount account) {
        return loginAs(account.adminEmail());
    }

    /** The password {@link #loginAs} chose for the user. */
    protected static String knownPassword(String email) {
        return KNOWN_PASSWORDS.get(email);
    }

    /** Creates a profile in the admin's account; answers its id. */
    protected String createProfile(String adminToken, String name, String... functionalities) {
        return (String) web.post().uri("/api/profiles").headers(bearer(adminToken)).contentType(MediaType.APPLICATION_JSON)
                           .bodyValue(Map.of("name", name, "functionalities", List.of(functionalities))).exchange()
                           .expectStatus().isCreated()
                           .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** Creates a user in the admin's account; answers the user's e-mail (the id is in {@link #userIdOf}). */
    protected String createUser(String adminToken, String profileId, String name) {
        String email = "user-" + USER_SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@cliente.com.br";
        web.post().uri("/api/users").headers(bearer(adminToken)).contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("name", name, "email", email, "profileId", profileId)).exchange()
           .expectStatus().isCreated();
        return email;
    }

    /**
     * A signed-in user of {@code account} whose profile grants exactly {@code functionalities} (codes such as
     * {@code "INVOICES_VIEW"}); the password is already changed. Answers the bearer token.
     */
    protected String loginWith(TestAccount account, String... functionalities) {
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Perfil " + UUID.randomUUID().toString().substring(0, 8), functionalities);
        return loginAs(createUser(admin, profileId, "Usuária de teste"));
    }
}
