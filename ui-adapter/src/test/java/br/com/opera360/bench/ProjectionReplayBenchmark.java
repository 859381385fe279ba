package br.com.opera360.bench;

import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.query.common.ReadModelGenerations;
import br.com.opera360.testing.ApiTest;
import com.mongodb.client.model.IndexOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with:
 * {@code ./mvnw -B -o -pl ui-adapter -am verify -Dtest=ProjectionReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * ({@code -Dbench.events=N} for another N, default 100,000).
 * <p>
 * Appends N {@code InvoiceRegistered} events straight into the event store (the storage engine's batched insert, not
 * the command path), replays the "invoice" projection through {@code POST /api/ops/projections/invoice/replay} and
 * times it until the new read-model generation serves the reads; then appends N more and replays the 2N. The raw
 * baseline, in the same run: one {@code insertMany} of the same number of read-model-shaped documents into a scratch
 * collection with the read model's indexes (and, for comparison, into one with only {@code _id}). Reports events/s, the ratio replay/raw (target ≥ 0.7, issue 14) and the ratio time(2N)/time(N) (target ≤ 2.1) to
 * stdout and target/bench/projection-replay.txt.
 */
class ProjectionReplayBenchmark extends ApiTest {
    static final int N = Integer.getInteger("bench.events", 100_000);
    static final int APPEND_BATCH = 1_000;
    /** Further raw + replay pairs of 2N after the first (the ratio's spread between runs is wide: report them all). */
    static final int REPEATS = Integer.getInteger("bench.repeats", 0);
    static final String ACCOUNT = "bench-replay";

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;

    @Test
    void replay_of_n_and_2n_events_next_to_raw_insert_many() throws Exception {
        web = web.mutate().responseTimeout(Duration.ofMinutes(5)).build();
        // each raw baseline runs just before its replay, on the same store in the same state
        append(0, N);
        awaitAllCaughtUp();
        Run firstBare = rawInsertMany(N, false);
        Run firstRaw = rawInsertMany(N, true);
        Run first = replay(N);
        append(N, 2 * N);
        awaitAllCaughtUp();
        Run secondBare = rawInsertMany(2 * N, false);
        Run secondRaw = rawInsertMany(2 * N, true);
        Run second = replay(2 * N);

        List<Double> ratios2n = new ArrayList<>(List.of(second.perSecond() / secondRaw.perSecond()));
        for (int k = 0; k < REPEATS; k++) {
            Run raw = rawInsertMany(2 * N, true);
            Run again = replay(2 * N);
            ratios2n.add(again.perSecond() / raw.perSecond());
            System.out.printf(Locale.ROOT, "repeat %d: raw %.1f s, replay %.1f s, ratio %.2f%n", k + 1, raw.seconds, again.seconds,
                    again.perSecond() / raw.perSecond());
        }
        List<Double> sorted = ratios2n.stream().sorted().toList();
        String repeats = String.format(Locale.ROOT, "ratio replay/raw at 2N over %d raw + replay pairs: %s, median %.2f%n",
                ratios2n.size(), ratios2n.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(), sorted.get(sorted.size() / 2));
        double linearity = second.seconds / first.seconds;
        String figures = String.format(Locale.ROOT, """
                PROJECTION REPLAY ("invoice" group, %d and %d InvoiceRegistered events, one read-model document each)
                replay N=%d:   %.1f s, %.0f events/s; raw insertMany of %d documents into a collection with the read model's indexes %.1f s, %.0f docs/s; ratio replay/raw %.2f
                replay 2N=%d: %.1f s, %.0f events/s; raw insertMany of %d documents into a collection with the read model's indexes %.1f s, %.0f docs/s; ratio replay/raw %.2f
                time(2N)/time(N) = %.2f (target <= 2.1); ratio target >= 0.7
                for comparison, the same insertMany into a collection with only _id: N %.1f s (%.0f docs/s, ratio %.2f), 2N %.1f s (%.0f docs/s, ratio %.2f)
                """, N, 2 * N,
                N, first.seconds, first.perSecond(), N, firstRaw.seconds, firstRaw.perSecond(), first.perSecond() / firstRaw.perSecond(),
                2 * N, second.seconds, second.perSecond(), 2 * N, secondRaw.seconds, secondRaw.perSecond(),
                second.perSecond() / secondRaw.perSecond(), linearity,
                firstBare.seconds, firstBare.perSecond(), first.perSecond() / firstBare.perSecond(),
                secondBare.seconds, secondBare.perSecond(), second.perSecond() / secondBare.perSecond());
        figures += repeats;
        System.out.println(figures);
        Path out = Path.of("target/bench/projection-replay.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures);
    }

    record Run(long count, double seconds) {
        double perSecond() {
            return count / seconds;
        }
    }

    /** Appends events {@code from..to-1}, each the registration of its own invoice, in batched inserts. */
    private void append(int from, int to) {
        long start = System.nanoTime();
        LocalDate issue = LocalDate.of(2026, 1, 5);
        for (int batchStart = from; batchStart < to; batchStart += APPEND_BATCH) {
            List<EventMessage<?>> batch = new ArrayList<>(APPEND_BATCH);
            for (int i = batchStart; i < Math.min(to, batchStart + APPEND_BATCH); i++) {
                String number = String.format("B%07d", i);
                String invoiceId = ACCOUNT + ":" + number;
                var amount = BigDecimal.valueOf(10_000 + i % 90_000, 2);
                var event = new InvoiceRegistered(invoiceId, ACCOUNT, number, issue, issue.plusDays(20 + i % 10), "Operadora",
                        null, List.of(new InvoiceRegistered.Item("D-" + (i % 50), "Link Dedicado", "Mensalidade", amount, null, null)),
                        amount);
                batch.add(new GenericDomainEventMessage<>("Invoice", invoiceId, 0, event,
                        MetaData.with("actor", "system:bench").and("source", "system")));
            }
            eventStore.publish(batch);
        }
        System.out.printf(Locale.ROOT, "appended %d events in %.1f s%n", to - from, Latencies.secondsSince(start));
    }

    /** POST replay, then wait until the new generation serves the reads and holds every expected invoice. */
    @SuppressWarnings("unchecked")
    private Run replay(int expected) throws InterruptedException {
        awaitAllCaughtUp(); // the old generation is complete and no other processor still works on the appended events
        long start = System.nanoTime();
        Map<String, Object> started = web.post().uri("/api/ops/projections/invoice/replay").header("X-Api-Key", API_KEY)
                                         .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        int generation = ((Number) started.get("generation")).intValue();
        // the new generation serves the reads and has caught up with the head of the event store
        awaitInvoiceProjection(p -> ((Number) p.get("generation")).intValue() == generation
                && !Boolean.TRUE.equals(p.get("replaying")) && ((Number) p.get("lag")).longValue() == 0);
        double seconds = Latencies.secondsSince(start);
        long count = mongo.count(Query.query(where("accountId").is(ACCOUNT)), ReadModelGenerations.collection("invoice", "invoices"));
        assertThat(count).as("invoices in the rebuilt generation").isEqualTo(expected);
        System.out.printf(Locale.ROOT, "replayed %d events in %.1f s%n", expected, seconds);
        return new Run(expected, seconds);
    }

    @SuppressWarnings("unchecked")
    private void awaitInvoiceProjection(java.util.function.Predicate<Map<String, Object>> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (true) {
            List<Map<String, Object>> list = web.get().uri("/api/ops/projections").header("X-Api-Key", API_KEY).exchange()
                                                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            var invoice = list.stream().filter(p -> "invoice".equals(p.get("name"))).findFirst().orElseThrow();
            if (done.test(invoice)) return;
            assertThat(Instant.now()).as("invoice projection: %s", invoice).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** Every processor (audit included, which projects each appended event too) has caught up: a quiet machine. */
    @SuppressWarnings("unchecked")
    private void awaitAllCaughtUp() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (true) {
            List<Map<String, Object>> list = web.get().uri("/api/ops/projections").header("X-Api-Key", API_KEY).exchange()
                                                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            if (list.stream().allMatch(p -> p.get("lag") == null || ((Number) p.get("lag")).longValue() == 0)) return;
            assertThat(Instant.now()).as("processors catching up: %s", list).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * The raw baseline: the same number of documents of the same shape, one insertMany, into a scratch collection with
     * the invoice read model's own indexes (copied from its active generation), which the replay maintains too; or,
     * for comparison with figures before 2026-12-07 09:00, with only {@code _id}.
     */
    private Run rawInsertMany(int count, boolean readModelIndexes) {
        String scratch = "bench_raw_invoices";
        if (mongo.collectionExists(scratch)) mongo.dropCollection(scratch);
        if (readModelIndexes) {
            var target = mongo.getCollection(scratch);
            for (Document index : mongo.getCollection(ReadModelGenerations.collection("invoice", "invoices")).listIndexes()) {
                if ("_id_".equals(index.getString("name"))) continue;
                target.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name"))
                        .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false)));
            }
            assertThat(target.listIndexes().into(new ArrayList<>())).as("indexes of the raw baseline's collection").hasSizeGreaterThan(5);
        }
        List<Document> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String number = String.format("B%07d", i);
            long cents = 10_000 + i % 90_000;
            docs.add(new Document("_id", ACCOUNT + ":" + number).append("accountId", ACCOUNT).append("number", number)
                    .append("issueDate", "2026-01-05").append("dueDate", LocalDate.of(2026, 1, 25 + i % 5).toString())
                    .append("totalCents", cents).append("amountDueCents", cents).append("issuer", "Operadora")
                    .append("issuerCnpj", null).append("state", "UNPAID").append("paidOn", null)
                    .append("negotiationId", null).append("amountPaidCents", null)
                    .append("items", List.of(new Document("designation", "D-" + (i % 50)).append("serviceType", "Link Dedicado")
                            .append("description", "Mensalidade").append("amountCents", cents)
                            .append("periodStart", null).append("periodEnd", null)))
                    .append("version", 0L));
        }
        long start = System.nanoTime();
        mongo.getCollection(scratch).insertMany(docs);
        double seconds = Latencies.secondsSince(start);
        mongo.dropCollection(scratch);
        return new Run(count, seconds);
    }
}
