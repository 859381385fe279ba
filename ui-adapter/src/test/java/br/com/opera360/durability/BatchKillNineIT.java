package br.com.opera360.durability;

import br.com.opera360.testing.ApiTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGKILL in the middle of an NDJSON batch (group commit, see {@code GroupCommit}), on the real jar as a child process:
 * a batch answered before the kill is stored whole; of the batch cut off, each line is stored whole or not at all,
 * and since chunks commit in order the stored lines are a prefix of the batch; an identical re-send after the restart
 * completes it (the stored lines answer as duplicates, the others are accepted, nothing is refused). Size the cut-off
 * batch with {@code -Dbatchkill.pairs=} (invoice + payment pairs, default 20,000).
 */
class BatchKillNineIT {
    private static final int PAIRS = Integer.getInteger("batchkill.pairs", 20_000);
    private static final int REPORTED = 1_000;
    private static final String API_KEY = "batchkill-ingest-key";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = AppProcess.httpClient();
    private final Path work = AppProcess.workDir("batchkill");

    @AfterEach
    void no_application_outlives_the_test() {
        AppProcess.killAll();
    }

    @Test
    void a_kill_9_mid_batch_keeps_every_answered_line_and_each_cut_off_line_whole_or_absent() throws Exception {
        Path jar = AppProcess.neutralCopy(AppProcess.builtJar(), work);
        Path data = work.resolve("data");
        var first = AppProcess.start(jar, data, API_KEY, work.resolve("1-batch.log"));
        first.awaitHealthy(http, STARTUP);
        String accountId = new JarPortal(first.baseUrl(), API_KEY, data.resolve("outbox")).registerAccount(ApiTest.newCnpj()).accountId();

        // 1. A batch answered before the kill.
        StringBuilder reported = new StringBuilder();
        for (int i = 0; i < REPORTED; i++) reported.append(invoiceLine(accountId, "A-" + i)).append('\n');
        var answer = post(first, reported.toString()).join();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readValue(answer.body(), Map.class)).containsEntry("accepted", REPORTED).containsEntry("rejected", List.of());

        // 2. A large batch, killed once a good part of it is in the store and before it is answered.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < PAIRS; i++) {
            body.append(invoiceLine(accountId, "B-" + i)).append('\n');
            body.append(paymentLine(accountId, "B-" + i)).append('\n');
        }
        long head = headPosition(first);
        var cutOff = post(first, body.toString());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (headPosition(first) < head + PAIRS / 2) {
            assertThat(System.nanoTime()).as("a quarter of the batch reached the store in time").isLessThan(deadline);
            AppProcess.sleep(20);
        }
        first.kill9();
        assertThat(first.awaitExit(Duration.ofSeconds(30))).isEqualTo(AppProcess.EXIT_BY_SIGKILL);
        // The client may learn of the reset connection a moment after the exit: wait for it, then require a failure.
        assertThatThrownBy(() -> cutOff.get(30, TimeUnit.SECONDS)).as("the cut-off batch was never answered")
                                                                 .isInstanceOf(ExecutionException.class);

        // 3. What the store kept, read from its file.
        Set<String> stored = storedLines(data, accountId);
        for (int i = 0; i < REPORTED; i++) assertThat(stored).as("answered line A-%d", i).contains("A-" + i + "#0");
        int kept = 0;
        boolean gap = false;
        for (int i = 0; i < PAIRS; i++) {
            for (String line : List.of("B-" + i + "#0", "B-" + i + "#1")) {
                if (stored.contains(line)) {
                    assertThat(gap).as("%s stored after a line that was not: chunks commit in order", line).isFalse();
                    kept++;
                } else {
                    gap = true;
                }
            }
        }
        assertThat(kept).as("lines of the cut-off batch stored before the kill").isBetween(1, 2 * PAIRS - 1);

        // 4. The identical re-send completes it.
        var second = AppProcess.start(jar, data, API_KEY, work.resolve("2-restart.log"));
        second.awaitHealthy(http, STARTUP);
        var resent = post(second, body.toString()).join();
        assertThat(resent.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = JSON.readValue(resent.body(), Map.class);
        assertThat(result).containsEntry("duplicates", kept).containsEntry("accepted", 2 * PAIRS - kept).containsEntry("rejected", List.of());
        second.stop();
        Set<String> after = storedLines(data, accountId);
        for (int i = 0; i < PAIRS; i++) assertThat(after).contains("B-" + i + "#0", "B-" + i + "#1");
        System.out.printf("BATCH KILL-9: %d of %d lines of the cut-off batch were stored before the kill; the re-send added %d%n",
                kept, 2 * PAIRS, 2 * PAIRS - kept);
    }

    private CompletableFuture<HttpResponse<String>> post(AppProcess app, String body) {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/ingest/batch"))
                                 .timeout(Duration.ofMinutes(20))
                                 .header("X-Api-Key", API_KEY).header("Content-Type", "application/x-ndjson")
                                 .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The event store's head (highest global index), as the operations API reports it. */
    private long headPosition(AppProcess app) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/ops/projections"))
                                 .timeout(Duration.ofSeconds(10)).header("X-Api-Key", API_KEY).GET().build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        long head = 0;
        for (Object p : JSON.readValue(response.body(), List.class)) {
            Object h = ((Map<?, ?>) p).get("headPosition");
            if (h instanceof Number n) head = Math.max(head, n.longValue());
        }
        return head;
    }

    /** {@code <number>#<sequence>} of every invoice event of the account, read from the H2 file of the stopped application. */
    static Set<String> storedLines(Path data, String accountId) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("eventstore/events");
        Set<String> lines = new HashSet<>();
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var statement = connection.prepareStatement(
                     "select aggregateIdentifier, sequenceNumber from DomainEventEntry where aggregateIdentifier like ?")) {
            statement.setString(1, accountId + ":%");
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1).substring(accountId.length() + 1) + "#" + result.getLong(2));
                }
            }
        }
        return lines;
    }

    private static String invoiceLine(String accountId, String number) throws Exception {
        return JSON.writeValueAsString(Map.of("type", "invoice", "data", invoice(accountId, number)));
    }

    /** The body of {@code POST /api/ingest/invoices} for one 100.00 invoice {@code number}. */
    static Map<String, Object> invoice(String accountId, String number) {
        return Map.of("accountId", accountId, "number", number,
                "issueDate", "2026-03-01", "dueDate", "2026-03-20", "issuer", "M2M Telecomunicações S.A.",
                "items", List.of(Map.of("designation", "LINK-" + number, "serviceType", "Link Dedicado",
                        "description", "Mensalidade", "amount", new BigDecimal("100.00"))));
    }

    private static String paymentLine(String accountId, String number) throws Exception {
        return JSON.writeValueAsString(Map.of("type", "payment", "data", Map.of("accountId", accountId,
                "invoiceNumber", number, "amount", new BigDecimal("40.00"), "paidOn", "2026-03-10")));
    }
}
