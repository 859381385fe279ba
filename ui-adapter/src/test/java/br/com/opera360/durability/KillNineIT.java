package br.com.opera360.durability;

import br.com.opera360.testing.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract's durability promise, tested on the real jar: "stopping the process (even kill -9) and starting it
 * again on the same folder loses nothing that was acknowledged", and after a restart every read model equals what a
 * rebuild from the events gives.
 * <p>
 * A burst of concurrent account registrations runs against the embedded application; the instant the
 * {@value #DEFAULT_WRITES}th acknowledgement arrives the process gets SIGKILL while other requests are still in
 * flight. On restart every acknowledged registration must still be there: in the event store (an identical re-send
 * answers 200 with the same accountId), in the read model, and in the outbox (the Administrator's e-mail). Then the
 * read-model store of a copy is deleted, the copy rebuilds it from the events, and every account must read the same.
 * <p>
 * Figures go to stdout (one line starting with {@code KILL-9 DURABILITY}) and to {@code target/killnine/<run>/figures.txt};
 * the children's output to log files beside it. Size the burst with {@code -Dkillnine.writes=} and
 * {@code -Dkillnine.concurrency=}.
 */
class KillNineIT {
    private static final int DEFAULT_WRITES = 200;
    private static final int WRITES = Integer.getInteger("killnine.writes", DEFAULT_WRITES);
    private static final int CONCURRENCY = Integer.getInteger("killnine.concurrency", 8);
    private static final String API_KEY = "killnine-ingest-key";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** The contract allows ingestion to be eventually consistent; a few seconds is generous for a caught-up view. */
    private static final Duration VIEW_DEADLINE = Duration.ofSeconds(15);
    private static final Duration REBUILD_DEADLINE = Duration.ofMinutes(2);
    private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("(?m)^Senha temporária: \\S+$");

    private final HttpClient http = AppProcess.httpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final Path work = Path.of("target", "killnine", run).toAbsolutePath();

    @AfterEach
    void no_application_outlives_the_test() {
        AppProcess.killAll();
    }

    @Test
    void every_acknowledged_registration_survives_a_kill_9_and_the_read_models_equal_a_rebuild_from_the_events() throws Exception {
        Path jar = AppProcess.neutralCopy(AppProcess.builtJar(), work);
        Path data = work.resolve("data");

        // 1. A burst of registrations; SIGKILL the instant the last wanted acknowledgement arrives.
        var first = AppProcess.start(jar, data, API_KEY, work.resolve("1-burst.log"));
        first.awaitHealthy(http, STARTUP);
        // A portal session opened before the crash (access tokens survive a restart, contract v1.1).
        var sessionAccount = Registration.number(WRITES * 3, run);
        String accessToken = signIn(first, sessionAccount, new Outbox(data.resolve("outbox")));
        long burstStart = System.nanoTime();
        Burst burst = burst(first);
        Duration burstTime = Duration.ofNanos(burst.killedAt - burstStart);
        assertThat(first.awaitExit(Duration.ofSeconds(30)))
                .as("the process ended by SIGKILL (exit 128 + 9), not by a graceful shutdown")
                .isEqualTo(AppProcess.EXIT_BY_SIGKILL);
        assertThat(burst.rejected).as("answers other than 2xx during the burst").isEmpty();
        // answers that arrive between the kill decision and the kill are acknowledged too: all are checked below
        assertThat(burst.acknowledged).hasSizeGreaterThanOrEqualTo(WRITES);

        // 2. Restart on the same folder: every acknowledged write is still there.
        var second = AppProcess.start(jar, data, API_KEY, work.resolve("2-restart.log"));
        second.awaitHealthy(http, STARTUP);
        Duration killToHealthy = Duration.ofNanos(System.nanoTime() - burst.killedAt);

        Map<String, Registration> accounts = new LinkedHashMap<>();
        for (Registration r : burst.acknowledged) {
            var resent = register(second, r);
            assertThat(resent.status()).as("identical re-send of acknowledged %s", r.describe()).isEqualTo(200);
            assertThat(resent.accountId()).as("accountId of acknowledged %s", r.describe()).isEqualTo(r.acknowledgedId());
            accounts.put(r.acknowledgedId(), r);
        }
        // Requests cut off by the kill were either stored whole or not at all: a re-send completes them, never conflicts.
        int unacknowledgedKept = 0;
        for (Registration r : burst.unacknowledged) {
            var resent = register(second, r);
            assertThat(resent.status()).as("re-send of unacknowledged %s", r.describe()).isIn(200, 201);
            if (r.accountId() != null) assertThat(resent.accountId()).isEqualTo(r.accountId());
            if (resent.status() == 200) unacknowledgedKept++;
            accounts.put(resent.accountId(), r);
        }

        long viewsStart = System.nanoTime();
        Map<String, JsonNode> afterRestart = awaitViews(second, accounts, VIEW_DEADLINE);
        Duration viewsCaughtUp = Duration.ofNanos(System.nanoTime() - viewsStart);
        afterRestart.forEach((id, view) -> {
            Registration r = accounts.get(id);
            assertThat(view.path("cnpj").asText()).as("view of %s", id).isEqualTo(r.cnpj());
            assertThat(view.path("companyName").asText()).as("view of %s", id).isEqualTo(r.companyName());
            assertThat(view.path("administratorName").asText()).as("view of %s", id).isEqualTo(r.adminName());
            assertThat(view.path("administratorEmail").asText()).as("view of %s", id).isEqualTo(r.adminEmail());
        });

        var me = me(second, accessToken);
        assertThat(me.statusCode()).as("GET /api/me after the restart with the access token issued before the kill: %s", me.body())
                                   .isEqualTo(200);
        assertThat(json.readTree(me.body()).path("email").asText()).isEqualTo(sessionAccount.adminEmail());
        assertThat(json.readTree(me.body()).path("mustChangePassword").asBoolean()).isFalse();

        Map<String, List<String>> outbox = readOutbox(data.resolve("outbox"));
        for (Registration r : burst.acknowledged) {
            assertThat(outbox.getOrDefault(r.adminEmail(), List.of()))
                    .as("temporary-password e-mail to the Administrator of acknowledged %s", r.describe())
                    .anyMatch(text -> TEMPORARY_PASSWORD.matcher(text).find());
        }
        second.stop();

        // 3. The same events, the read-model store deleted: the projections rebuild it, and it reads the same.
        Path copy = work.resolve("rebuild");
        copyTree(data, copy);
        deleteTree(copy.resolve("readmodel"));
        var third = AppProcess.start(jar, copy, API_KEY, work.resolve("3-rebuild.log"));
        long rebuildStart = System.nanoTime();
        Duration rebuildHealthy = third.awaitHealthy(http, STARTUP);
        Map<String, JsonNode> rebuilt = awaitEqualViews(third, afterRestart, REBUILD_DEADLINE);
        Duration rebuildTotal = Duration.ofNanos(System.nanoTime() - rebuildStart);
        assertThat(rebuilt).as("every account as rebuilt from the events").isEqualTo(afterRestart);
        third.stop();

        long events = countEvents(data);
        String figures = String.format(Locale.ROOT,
                "KILL-9 DURABILITY: %d writes acknowledged in %.1f s (%d concurrent; %d more in flight at SIGKILL, "
                        + "%d of them had been stored) -> %d/%d kept after restart (event store, read model, outbox); "
                        + "kill -> health UP %.1f s, read models caught up %.1f s later; "
                        + "rebuild of %d accounts from %d events with the read-model store deleted: health UP %.1f s, "
                        + "all views equal %.1f s after start",
                burst.acknowledged.size(), seconds(burstTime), CONCURRENCY, burst.unacknowledged.size(), unacknowledgedKept,
                burst.acknowledged.size(), burst.acknowledged.size(),
                seconds(killToHealthy), seconds(viewsCaughtUp), afterRestart.size(), events,
                seconds(rebuildHealthy), seconds(rebuildTotal));
        System.out.println(figures);
        Files.writeString(work.resolve("figures.txt"), figures + System.lineSeparator());
    }

    private Burst burst(AppProcess app) throws InterruptedException {
        var burst = new Burst();
        var next = new AtomicInteger();
        var acks = new AtomicInteger();
        var killed = new AtomicBoolean();
        var killedAt = new AtomicLong();
        int cap = WRITES * 2;
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        for (int w = 0; w < CONCURRENCY; w++) {
            workers.submit(() -> {
                while (!killed.get()) {
                    int n = next.getAndIncrement();
                    if (n >= cap) return;
                    var registration = Registration.number(n, run);
                    try {
                        var answer = register(app, registration);
                        if (answer.status() / 100 != 2) {
                            burst.rejected.add(registration.describe() + " -> " + answer.status() + " " + answer.body());
                            continue;
                        }
                        burst.acknowledged.add(registration.acknowledged(answer.accountId()));
                        if (acks.incrementAndGet() == WRITES) {
                            // The flag first, so that the failures the kill causes are told from genuine ones.
                            killed.set(true);
                            app.kill9();
                            killedAt.set(System.nanoTime());
                        }
                    } catch (IOException e) {
                        if (!killed.get()) burst.rejected.add(registration.describe() + " -> " + e);
                        burst.unacknowledged.add(registration);
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            fail("the burst did not end within 5 minutes; see " + app.log());
        }
        if (!killed.get()) fail("only " + acks.get() + " of " + WRITES + " registrations were acknowledged: " + burst.rejected);
        burst.killedAt = killedAt.get();
        return burst;
    }

    private Answer register(AppProcess app, Registration r) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/ingest/accounts"))
                                 .timeout(Duration.ofSeconds(60))
                                 .header("X-Api-Key", API_KEY)
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(r.body(json)))
                                 .build();
        var response = send(request);
        String accountId = response.statusCode() / 100 == 2 ? json.readTree(response.body()).path("accountId").asText() : null;
        return new Answer(response.statusCode(), accountId, response.body());
    }

    /** Registers the account, signs its Administrator in (password, e-mailed token) and sets a new password. */
    private String signIn(AppProcess app, Registration account, Outbox outbox) throws IOException {
        assertThat(register(app, account).status()).isEqualTo(201);
        String email = account.adminEmail();
        String temporary = outbox.awaitCount(email, 1).get(0).temporaryPassword();
        var challenge = post(app, "/api/auth/login", Map.of("email", email, "password", temporary), null);
        assertThat(challenge.statusCode()).as("login: %s", challenge.body()).isEqualTo(202);
        String token = outbox.awaitCount(email, 2).get(1).token();
        var session = post(app, "/api/auth/token", Map.of("challengeId", json.readTree(challenge.body()).path("challengeId").asText(),
                "token", token), null);
        assertThat(session.statusCode()).as("token: %s", session.body()).isEqualTo(200);
        String accessToken = json.readTree(session.body()).path("accessToken").asText();
        var changed = post(app, "/api/auth/password", Map.of("currentPassword", temporary, "newPassword", "Nova-Senha-2026"), accessToken);
        assertThat(changed.statusCode()).as("password change: %s", changed.body()).isEqualTo(204);
        var me = me(app, accessToken);
        assertThat(me.statusCode()).as("GET /api/me before the kill: %s", me.body()).isEqualTo(200);
        return accessToken;
    }

    private HttpResponse<String> post(AppProcess app, String path, Map<String, String> body, String accessToken) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                                 .header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (accessToken != null) request.header("Authorization", "Bearer " + accessToken);
        return send(request.build());
    }

    private HttpResponse<String> me(AppProcess app, String accessToken) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/me")).timeout(Duration.ofSeconds(10))
                               .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode view(AppProcess app, String accountId) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/ops/accounts/" + accountId))
                                 .timeout(Duration.ofSeconds(10)).header("X-Api-Key", API_KEY).GET().build();
        var response = send(request);
        if (response.statusCode() == 404) return null;
        assertThat(response.statusCode()).as("GET account %s: %s", accountId, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * Every account's view once it carries both its own and its Administrator's data. Accounts are read in the order
     * they were registered, which is the order the single projection segment processes them: each is fetched about
     * once, so the time measured is the projection's, not this loop's.
     */
    private Map<String, JsonNode> awaitViews(AppProcess app, Map<String, Registration> accounts, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, JsonNode> complete = new LinkedHashMap<>();
        for (String id : accounts.keySet()) {
            JsonNode view = view(app, id);
            while (view == null || !view.hasNonNull("cnpj") || !view.hasNonNull("administratorEmail")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError((accounts.size() - complete.size()) + " accounts, " + id + " first, not in the "
                            + "read model within " + timeout + " (it reads " + view + "); see " + app.log()
                            + " and the thread dump " + app.dumpThreads());
                }
                AppProcess.sleep(50);
                view = view(app, id);
            }
            complete.put(id, view);
        }
        return complete;
    }

    /** Reads every account in registration order until it reads as expected or the deadline passes; answers what was read. */
    private Map<String, JsonNode> awaitEqualViews(AppProcess app, Map<String, JsonNode> expected, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (var entry : expected.entrySet()) {
            JsonNode view = view(app, entry.getKey());
            while (!entry.getValue().equals(view) && System.nanoTime() < deadline) {
                AppProcess.sleep(50);
                view = view(app, entry.getKey());
            }
            seen.put(entry.getKey(), view);
        }
        return seen;
    }

    /** Recipient → text of every message in the outbox, read as a mail client would. */
    private static Map<String, List<String>> readOutbox(Path dir) throws IOException {
        Map<String, List<String>> byRecipient = new HashMap<>();
        var session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    var message = new MimeMessage(session, in);
                    String to = message.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT);
                    byRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(String.valueOf(message.getContent()));
                } catch (jakarta.mail.MessagingException e) {
                    throw new AssertionError("unreadable e-mail " + file, e);
                }
            }
        }
        return byRecipient;
    }

    /** Events in the stopped application's store, read directly from the H2 file. */
    private static long countEvents(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("eventstore/events") + ";ACCESS_MODE_DATA=r";
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var result = connection.createStatement().executeQuery("select count(*) from DomainEventEntry")) {
            result.next();
            return result.getLong(1);
        }
    }


    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static final class Burst {
        final Queue<Registration> acknowledged = new ConcurrentLinkedQueue<>();
        final Queue<Registration> unacknowledged = new ConcurrentLinkedQueue<>();
        final Queue<String> rejected = new ConcurrentLinkedQueue<>();
        long killedAt;
    }

    private record Answer(int status, String accountId, String body) {
    }

    /**
     * One registration, each with its own valid CNPJ. Even numbers carry an accountId; odd ones let the application
     * generate it, so a re-send must find the generated id in the event store.
     */
    private record Registration(int number, String accountId, String cnpj, String companyName, String adminName,
                                String adminEmail, String acknowledgedId) {
        static Registration number(int n, String run) {
            String base = String.format(Locale.ROOT, "%08d0001", 10_000_000 + n);
            String cnpj = base + checkDigits(base);
            String accountId = n % 2 == 0 ? "kn-" + run + "-" + n : null;
            return new Registration(n, accountId, cnpj, "Cliente Kill Nove " + n + " Ltda",
                    "Administradora " + n, "admin" + n + "@cliente" + n + ".com.br", null);
        }

        Registration acknowledged(String id) {
            return new Registration(number, accountId, cnpj, companyName, adminName, adminEmail, id);
        }

        String body(ObjectMapper json) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (accountId != null) body.put("accountId", accountId);
            body.put("cnpj", cnpj);
            body.put("companyName", companyName);
            body.put("administrator", Map.of("name", adminName, "email", adminEmail));
            try {
                return json.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String describe() {
            return "registration #" + number + " (CNPJ " + cnpj + ")";
        }

        /** CNPJ mod-11 check digits (Receita Federal): weights 5..2,9..2 then 6..2,9..2; remainder < 2 gives 0. */
        static String checkDigits(String twelve) {
            int d1 = mod11(twelve, new int[]{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
            int d2 = mod11(twelve + d1, new int[]{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
            return "" + d1 + d2;
        }

        private static int mod11(String digits, int[] weights) {
            int sum = 0;
            for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
            int rest = sum % 11;
            return rest < 2 ? 0 : 11 - rest;
        }
    }
}
