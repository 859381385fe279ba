package br.com.opera360.bench;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItem;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.IngestBodies;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with:
 * {@code ./mvnw -B -pl ui-adapter -am verify -Dtest=BatchIngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * Sizes: {@code -Dbench.lines=} (NDJSON invoice lines and raw events, default 200,000), {@code -Dbench.single=}
 * (single-item requests, default 5,000), {@code -Dbench.r3=} (sequential commands and single appends, default 1,000).
 * In one run, against the embedded application in this JVM (client and server share the test JVM and its heap):
 * <ul>
 * <li>raw baseline: as many {@code InvoiceRegistered} events appended through Axon's event storage engine
 * ({@code JdbcEventStorageEngine}, the application's H2 store and settings) in appends of the batch's chunk size,
 * no command handling (events/s);</li>
 * <li>one NDJSON batch of that many invoice lines (lines/s, ratio to the raw baseline; target >= 5,000 and >= 0.5);</li>
 * <li>catch-up: from the batch's answer until the invoice and service read models have reached the store's head;</li>
 * <li>single-item ingestion ({@code POST /api/ingest/invoices}) by 16 concurrent clients: requests/s, p50, p99;</li>
 * <li>R3: sequential {@code RegisterInvoice} commands on the command gateway / single-event appends each committed
 * on its own (target >= 0.5).</li>
 * </ul>
 * Figures to stdout and target/bench/batch-ingestion.txt; the phase under way in target/bench/batch-ingestion.phase.
 */
class BatchIngestionBenchmark extends ApiTest {
    static final int LINES = Integer.getInteger("bench.lines", 200_000);
    static final int SINGLE = Integer.getInteger("bench.single", 5_000);
    static final int R3 = Integer.getInteger("bench.r3", 1_000);
    static final int CLIENTS = 16;
    static final LocalDate ISSUED = IngestBodies.ISSUED;
    static final LocalDate DUE = IngestBodies.DUE;

    @Autowired
    CommandGateway gateway;

    @Autowired
    EventStorageEngine storage;

    @Value("${opera360.ingest.batch.chunk-lines:200}") // the application's default (BatchSettings)
    int chunkLines;

    @LocalServerPort
    int port;

    @Test
    void group_commit_against_the_raw_store() throws Exception {
        String loadAtStart = load();
        // warm-up of every path
        raw("warm", 2_000, chunkLines);
        batch(newAccount().accountId(), "W", 2_000);
        single(newAccount().accountId(), 400);
        sequentialCommands(newAccount().accountId(), 200);
        raw("warm1", 200, 1);
        awaitCaughtUp(List.of("invoice", "service", "audit"));

        phase("raw");
        double rawSeconds = raw("raw-" + UUID.randomUUID().toString().substring(0, 6), LINES, chunkLines);
        awaitCaughtUp(List.of("invoice", "service", "audit"));

        phase("batch");
        double batchSeconds = batch(newAccount().accountId(), "B", LINES);
        phase("catch-up");
        long answered = System.nanoTime();
        double invoiceAfterAnswer = awaitCaughtUp(List.of("invoice"));
        awaitCaughtUp(List.of("service"));
        double serviceAfterAnswer = Latencies.secondsSince(answered);
        awaitCaughtUp(List.of("invoice", "service", "audit"));

        phase("single");
        long[] latencies = new long[SINGLE];
        double singleSeconds = single(newAccount().accountId(), SINGLE, latencies);
        var single = Latencies.of(latencies);

        phase("r3");
        double commandSeconds = sequentialCommands(newAccount().accountId(), R3);
        double appendSeconds = raw("r3-" + UUID.randomUUID().toString().substring(0, 6), R3, 1);

        double rawRate = LINES / rawSeconds;
        double batchRate = LINES / batchSeconds;
        String report = String.format(Locale.ROOT, "Batch ingestion benchmark (chunk %d lines), load average at start %s%n", chunkLines, loadAtStart)
                + String.format(Locale.ROOT, "raw baseline: %d InvoiceRegistered appended through the JDBC storage engine in appends of %d: %.1f s, %.0f events/s%n",
                LINES, chunkLines, rawSeconds, rawRate)
                + String.format(Locale.ROOT, "NDJSON batch: %d invoice lines in one POST /api/ingest/batch: %.1f s, %.0f lines/s, ratio to raw %.2f (targets >= 5,000 lines/s, >= 0.5)%n",
                LINES, batchSeconds, batchRate, batchRate / rawRate)
                + String.format(Locale.ROOT, "catch-up after the batch's answer: invoice read model %.1f s, service read model %.1f s%n",
                invoiceAfterAnswer, serviceAfterAnswer)
                + String.format(Locale.ROOT, "single-item: %d POST /api/ingest/invoices by %d concurrent clients: %.1f s, %.0f requests/s, p50 %.1f ms, p99 %.1f ms (target >= 1,000 requests/s)%n",
                SINGLE, CLIENTS, singleSeconds, SINGLE / singleSeconds, single.percentileMs(50), single.percentileMs(99))
                + String.format(Locale.ROOT, "R3: %d sequential RegisterInvoice on the gateway %.0f commands/s / %d single-event appends each committed %.0f appends/s = %.2f (target >= 0.5)%n",
                R3, R3 / commandSeconds, R3, R3 / appendSeconds, appendSeconds / commandSeconds)
                + String.format(Locale.ROOT, "load average at end %s%n", load());
        System.out.println(report);
        Path out = Path.of("target/bench/batch-ingestion.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Names the phase under way in target/bench/batch-ingestion.phase, so that a profiler can be attached to one. */
    private static void phase(String name) throws java.io.IOException {
        Path file = Path.of("target/bench/batch-ingestion.phase");
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** {@code count} registrations of invoices of their own, appended straight to the storage engine, {@code per} events per transaction. */
    private double raw(String accountId, int count, int per) {
        long start = System.nanoTime();
        for (int from = 0; from < count; from += per) storage.appendEvents(registrations(accountId, from, Math.min(count, from + per)));
        return Latencies.secondsSince(start);
    }

    /** The raw baselines' events: registrations {@code from} to {@code to} (exclusive) of invoices of their own. */
    static List<EventMessage<?>> registrations(String accountId, int from, int to) {
        List<EventMessage<?>> events = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String number = "R" + i;
            String invoiceId = accountId + ":" + number;
            var event = new InvoiceRegistered(invoiceId, accountId, number, ISSUED, DUE, "M2M Telecomunicações S.A.", null,
                    List.of(new InvoiceRegistered.Item("LINK-" + number, "Link Dedicado", "Mensalidade", new BigDecimal("100.00"),
                            LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))), new BigDecimal("100.00"));
            events.add(new GenericDomainEventMessage<>("Invoice", invoiceId, 0, event,
                    MetaData.with("actor", "system:ingest").and("source", "ingest").and("correlationId", UUID.randomUUID().toString())));
        }
        return events;
    }

    private double batch(String accountId, String prefix, int lines) throws Exception {
        StringBuilder body = new StringBuilder(lines * 330);
        for (int i = 0; i < lines; i++) {
            body.append(IngestBodies.line("invoice", invoiceBody(accountId, prefix + i))).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        body = null;
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = web.mutate().responseTimeout(Duration.ofMinutes(60)).build()
                .post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY)
                .contentType(IngestBodies.NDJSON).bodyValue(bytes)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        double seconds = Latencies.secondsSince(start);
        assertThat(result).containsEntry("accepted", lines).containsEntry("rejected", List.of());
        return seconds;
    }

    private double single(String accountId, int count) {
        return single(accountId, count, new long[count]);
    }

    /** {@code count} single invoice registrations by {@value #CLIENTS} concurrent clients; each latency into {@code latencies}. */
    private double single(String accountId, int count, long[] latencies) {
        var client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        long start = System.nanoTime();
        Flux.range(0, count)
            .flatMap(i -> {
                long sent = System.nanoTime();
                return client.post().uri("/api/ingest/invoices").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
                             .bodyValue(invoiceBody(accountId, "S" + i)).retrieve().toBodilessEntity()
                             .doOnNext(r -> {
                                 assertThat(r.getStatusCode().value()).isEqualTo(201);
                                 latencies[i] = System.nanoTime() - sent;
                             });
            }, CLIENTS)
            .blockLast(Duration.ofMinutes(30));
        return Latencies.secondsSince(start);
    }

    private double sequentialCommands(String accountId, int count) {
        var account = new AccountId(accountId);
        List<Object> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = "C" + i;
            commands.add(new RegisterInvoice(InvoiceId.of(account, number), account, number, ISSUED, DUE, "M2M Telecomunicações S.A.", null,
                    List.of(new InvoiceItem("LINK-" + number, "Link Dedicado", "Mensalidade", Money.of("100.00"),
                            LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))));
        }
        long start = System.nanoTime();
        for (Object command : commands) gateway.sendAndWait(command);
        return Latencies.secondsSince(start);
    }

    /** Waits until the named processors have reached the event store's head; answers the seconds waited. */
    @SuppressWarnings("unchecked")
    private double awaitCaughtUp(List<String> names) throws InterruptedException {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        while (true) {
            List<Map<String, Object>> list = web.get().uri("/api/ops/projections").header("X-Api-Key", API_KEY).exchange()
                                                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            boolean done = list.stream().filter(p -> names.contains(p.get("name")))
                               .allMatch(p -> ((Number) p.get("lag")).longValue() == 0);
            if (done) return Latencies.secondsSince(start);
            assertThat(Instant.now()).as("projections %s: %s", names, list).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** The invoice of every request and line: one February item of 100.00. */
    static Map<String, Object> invoiceBody(String accountId, String number) {
        return IngestBodies.invoice(accountId, number, ISSUED, DUE, List.of(IngestBodies.monthlyItem("LINK-" + number, "100.00")));
    }
}
