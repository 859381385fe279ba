package br.com.opera360.bench;

import br.com.opera360.app.config.EmbeddedEventStores;
import br.com.opera360.durability.AppProcess;
import br.com.opera360.durability.JarPortal;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.IngestBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingestion write path on the real jar, as issue 17 asks: the application runs as {@code java -Xmx512m -jar} in
 * its own process, this JVM is the client. Not part of the normal build (surefire runs *Test classes only). Run with
 * {@code ./mvnw -B -pl ui-adapter -am package -DskipTests && ./mvnw -B -o -pl ui-adapter -am verify
 * -Dtest=IngestionJarBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}; sizes {@code -Dbench.lines=}
 * (default 200,000) and {@code -Dbench.single=} (default 5,000); {@code -Dbench.chunk=} the raw baseline's append
 * size (default 200, the application's chunk). In one run:
 * <ul>
 * <li>raw baseline: as many {@code InvoiceRegistered} events appended through Axon's JDBC storage engine, in appends
 * of the chunk size, into an H2 file with the application's settings, schema and serializer, in this JVM while the
 * application is not running (no command handling, no projections competing);</li>
 * <li>one NDJSON batch of as many invoice lines to the jar (lines/s, ratio to the raw baseline);</li>
 * <li>catch-up: from the batch's answer until the invoice and service read models have reached the store's head;</li>
 * <li>single-item ingestion ({@code POST /api/ingest/invoices}) by 16 concurrent clients: requests/s, p50, p99.</li>
 * </ul>
 * R3 (commands on the gateway in process) stays in {@link BatchIngestionBenchmark}. Figures to stdout and
 * target/bench/ingestion-jar.txt; the phase under way in target/bench/ingestion-jar.phase.
 */
class IngestionJarBenchmark {
    static final int LINES = Integer.getInteger("bench.lines", 200_000);
    static final int SINGLE = Integer.getInteger("bench.single", 5_000);
    /** Lines of the untimed warm-up batch (the single-item paths get a fifth as many requests each). */
    static final int WARMUP = Integer.getInteger("bench.warmup", 5_000);
    static final int CHUNK = Integer.getInteger("bench.chunk", 200);
    static final int CLIENTS = 16;
    static final String API_KEY = "bench-ingest-key";
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stopApps() {
        AppProcess.killAll();
    }

    @Test
    void batch_and_single_item_ingestion_on_the_jar_against_the_raw_store() throws Exception {
        Path work = Path.of("target", "bench", "ingestion-jar").toAbsolutePath();
        ReadStoreBenchmark.deleteRecursively(work);
        Path data = work.resolve("data");
        String loadAtStart = load();

        double rawSeconds = rawAppends(data.resolve("raw-baseline").resolve("events"), LINES, CHUNK);

        Path jar = AppProcess.neutralCopy(Path.of(System.getProperty("opera360.jar", "target/opera360.jar")).toAbsolutePath(), work);
        var app = AppProcess.start(jar, data, API_KEY, work.resolve("app.log"));
        var portal = new JarPortal(app.baseUrl(), API_KEY, data.resolve("outbox"));
        app.awaitHealthy(portal.http(), Duration.ofMinutes(3));

        // warm-up of both paths
        var warm = portal.registerAccount(ApiTest.newCnpj());
        batch(portal, warm.accountId(), "W", WARMUP);
        single(portal, warm.accountId(), WARMUP / 5, new long[WARMUP / 5]);
        floor(portal, warm.accountId(), WARMUP / 5, new long[WARMUP / 5]);
        awaitCaughtUp(portal, List.of("invoice", "service"));

        var account = portal.registerAccount(ApiTest.newCnpj());
        phase("batch");
        double batchSeconds = batch(portal, account.accountId(), "B", LINES);
        long answered = System.nanoTime();
        awaitCaughtUp(portal, List.of("invoice"));
        double invoiceAfterAnswer = Latencies.secondsSince(answered);
        awaitCaughtUp(portal, List.of("service"));
        double serviceAfterAnswer = Latencies.secondsSince(answered);
        awaitCaughtUp(portal, List.of("invoice", "service", "audit"));

        phase("single");
        long[] latencies = new long[SINGLE];
        double singleSeconds = single(portal, account.accountId(), SINGLE, latencies);
        var single = Latencies.of(latencies);
        phase("floor");
        long[] floorLatencies = new long[SINGLE];
        double floorSeconds = floor(portal, account.accountId(), SINGLE, floorLatencies);
        var floor = Latencies.of(floorLatencies);
        phase("done");
        app.stop();

        double rawRate = LINES / rawSeconds;
        double batchRate = LINES / batchSeconds;
        String report = String.format(Locale.ROOT, "Ingestion on the jar (-Xmx512m, client in its own JVM, chunk %d, warm-up %d lines), load average at start %s%n", CHUNK, WARMUP, loadAtStart)
                + String.format(Locale.ROOT, "raw baseline: %d InvoiceRegistered appended through the JDBC storage engine into an H2 file with the application's settings, appends of %d: %.1f s, %.0f events/s%n",
                LINES, CHUNK, rawSeconds, rawRate)
                + String.format(Locale.ROOT, "NDJSON batch: %d invoice lines in one POST /api/ingest/batch: %.1f s, %.0f lines/s, ratio to raw %.2f (targets >= 5,000 lines/s, >= 0.5)%n",
                LINES, batchSeconds, batchRate, batchRate / rawRate)
                + String.format(Locale.ROOT, "catch-up after the batch's answer: invoice read model %.1f s, service read model %.1f s%n",
                invoiceAfterAnswer, serviceAfterAnswer)
                + String.format(Locale.ROOT, "single-item: %d POST /api/ingest/invoices by %d concurrent clients: %.1f s, %.0f requests/s, p50 %.1f ms, p99 %.1f ms (target >= 1,000 requests/s)%n",
                SINGLE, CLIENTS, singleSeconds, SINGLE / singleSeconds, single.percentileMs(50), single.percentileMs(99))
                + String.format(Locale.ROOT, "HTTP floor of the single-item path: as many requests refused 400 by validation (API key, JSON, validation, problem+json; no command): %.1f s, %.0f requests/s, p50 %.1f ms, p99 %.1f ms; single-item / floor %.2f%n",
                floorSeconds, SINGLE / floorSeconds, floor.percentileMs(50), floor.percentileMs(99), floorSeconds / singleSeconds)
                + String.format(Locale.ROOT, "load average at end %s%n", load());
        System.out.println(report);
        Path out = Path.of("target", "bench", "ingestion-jar.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** {@code count} registrations of invoices of their own, {@code per} events per append (one transaction each). */
    private static double rawAppends(Path file, int count, int per) {
        var dataSource = EmbeddedEventStores.dataSource(file);
        EmbeddedEventStores.start(dataSource);
        var storage = EmbeddedEventStores.engine(dataSource);
        raw(storage, "warm", 5_000, per);
        String accountId = "raw-" + UUID.randomUUID().toString().substring(0, 6);
        long start = System.nanoTime();
        raw(storage, accountId, count, per);
        return Latencies.secondsSince(start);
    }

    private static void raw(EventStorageEngine storage, String accountId, int count, int per) {
        for (int from = 0; from < count; from += per) {
            storage.appendEvents(BatchIngestionBenchmark.registrations(accountId, from, Math.min(count, from + per)));
        }
    }

    private static double batch(JarPortal portal, String accountId, String prefix, int lines) throws Exception {
        StringBuilder body = new StringBuilder(lines * 330);
        for (int i = 0; i < lines; i++) {
            body.append(IngestBodies.line("invoice", BatchIngestionBenchmark.invoiceBody(accountId, prefix + i))).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        var response = portal.http().send(HttpRequest.newBuilder(URI.create(portal.base() + "/api/ingest/batch"))
                .header("X-Api-Key", API_KEY).header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = Latencies.secondsSince(start);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<?, ?> result = JSON.readValue(response.body(), Map.class);
        assertThat(result.get("accepted")).isEqualTo(lines);
        assertThat((List<?>) result.get("rejected")).isEmpty();
        return seconds;
    }

    /** {@code count} single invoice registrations, at most {@value #CLIENTS} in flight; each latency into {@code latencies}. */
    private static double single(JarPortal portal, String accountId, int count, long[] latencies) throws Exception {
        return requests(portal, count, latencies, 201,
                i -> JSON.writeValueAsString(BatchIngestionBenchmark.invoiceBody(accountId, "S" + i)));
    }

    /**
     * The HTTP floor of the single-item path: as many requests by as many clients, with an amount of three decimals,
     * answered 400 by the same endpoint after the API key, the JSON decoding and the validation, before any command.
     */
    private static double floor(JarPortal portal, String accountId, int count, long[] latencies) throws Exception {
        return requests(portal, count, latencies, 400, i -> JSON.writeValueAsString(IngestBodies.invoice(accountId, "F" + i,
                BatchIngestionBenchmark.ISSUED, BatchIngestionBenchmark.DUE, List.of(IngestBodies.monthlyItem("LINK-F" + i, "100.001")))));
    }

    private interface Body {
        String of(int i) throws Exception;
    }

    private static double requests(JarPortal portal, int count, long[] latencies, int expected, Body bodies) throws Exception {
        var inFlight = new Semaphore(CLIENTS);
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int n = i;
            String body = bodies.of(i);
            long sent = System.nanoTime();
            all.add(portal.http().sendAsync(HttpRequest.newBuilder(URI.create(portal.base() + "/api/ingest/invoices"))
                            .header("X-Api-Key", API_KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (e == null && r.statusCode() == expected) latencies[n] = System.nanoTime() - sent;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = Latencies.secondsSince(start);
        for (int i = 0; i < count; i++) assertThat(latencies[i]).as("request %d answered %d", i, expected).isPositive();
        return seconds;
    }

    /** Waits until the named processors have reached the event store's head. */
    private static void awaitCaughtUp(JarPortal portal, List<String> names) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        while (true) {
            var response = portal.http().send(HttpRequest.newBuilder(URI.create(portal.base() + "/api/ops/projections"))
                    .header("X-Api-Key", API_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            List<?> list = JSON.readValue(response.body(), List.class);
            boolean done = list.stream().map(p -> (Map<?, ?>) p).filter(p -> names.contains(p.get("name")))
                               .allMatch(p -> ((Number) p.get("lag")).longValue() == 0);
            if (done) return;
            assertThat(Instant.now()).as("projections %s: %s", names, list).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** Names the phase under way in target/bench/ingestion-jar.phase, so that a profiler can be attached to the jar during one. */
    private static void phase(String name) throws java.io.IOException {
        Files.writeString(Path.of("target", "bench", "ingestion-jar.phase"), name);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
