package br.com.opera360.durability;

import br.com.opera360.testing.ApiTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL while 16 clients send single-item invoice registrations, which the embedded mode commits in groups
 * ({@code GroupedIngestions}), on the real jar as a child process: every registration answered 201 before the kill is
 * in the event store file; each one cut off is stored (its one event) or absent; after the restart an identical
 * re-send of every registration sent answers 200 for the stored ones and 201 for the others, nothing else.
 */
class GroupedIngestionKillNineIT {
    private static final int CLIENTS = 16;
    private static final int KILL_AT = Integer.getInteger("groupkill.acks", 2_000);
    private static final String API_KEY = "groupkill-ingest-key";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = AppProcess.httpClient();
    private final Path work = AppProcess.workDir("groupkill");

    @AfterEach
    void no_application_outlives_the_test() {
        AppProcess.killAll();
    }

    @Test
    void a_kill_9_among_grouped_single_item_requests_keeps_every_answered_one() throws Exception {
        Path jar = AppProcess.neutralCopy(AppProcess.builtJar(), work);
        Path data = work.resolve("data");
        var first = AppProcess.start(jar, data, API_KEY, work.resolve("1-burst.log"));
        first.awaitHealthy(http, STARTUP);
        String accountId = new JarPortal(first.baseUrl(), API_KEY, data.resolve("outbox")).registerAccount(ApiTest.newCnpj()).accountId();

        // 1. The burst, killed at the KILL_AT-th 201 with requests in flight.
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        Set<Integer> cutOff = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        var next = new AtomicInteger();
        var killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    int n = next.getAndIncrement();
                    if (n >= 10 * KILL_AT) return;
                    try {
                        int status = register(first, accountId, n);
                        if (status != 201) {
                            unexpected.add(n + " -> " + status);
                        } else if (answered.add(n) && answered.size() == KILL_AT && killed.compareAndSet(false, true)) {
                            first.kill9();
                        }
                    } catch (IOException e) {
                        if (!killed.get()) unexpected.add(n + " -> " + e);
                        cutOff.add(n);
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("the burst ended").isTrue();
        assertThat(killed).as("%d registrations answered before the kill", KILL_AT).isTrue();
        assertThat(first.awaitExit(Duration.ofSeconds(30))).isEqualTo(AppProcess.EXIT_BY_SIGKILL);
        assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();

        // 2. What the event store file kept.
        Set<String> stored = BatchKillNineIT.storedLines(data, accountId);
        for (int n : answered) assertThat(stored).as("answered registration K-%d", n).contains("K-" + n + "#0");
        long cutOffStored = cutOff.stream().filter(n -> stored.contains("K-" + n + "#0")).count();

        // 3. An identical re-send of everything sent: the stored ones are already there, the others are taken now.
        var second = AppProcess.start(jar, data, API_KEY, work.resolve("2-restart.log"));
        second.awaitHealthy(http, STARTUP);
        int sent = next.get();
        for (int n = 0; n < Math.min(sent, 10 * KILL_AT); n++) {
            boolean wasStored = stored.contains("K-" + n + "#0");
            assertThat(register(second, accountId, n)).as("re-send of K-%d (stored before: %s)", n, wasStored)
                                                      .isEqualTo(wasStored ? 200 : 201);
        }
        second.stop();
        System.out.printf("GROUPED KILL-9: %d registrations answered before the kill, all stored; %d cut off, %d of them stored%n",
                answered.size(), cutOff.size(), cutOffStored);
    }

    private int register(AppProcess app, String accountId, int n) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/ingest/invoices"))
                                 .timeout(Duration.ofSeconds(60))
                                 .header("X-Api-Key", API_KEY).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(BatchKillNineIT.invoice(accountId, "K-" + n))))
                                 .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
