package br.com.opera360.web.ops;

import br.com.opera360.query.common.ReadModelGenerations;
import br.com.opera360.testing.ApiTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static br.com.opera360.testing.IngestBodies.invoice;
import static br.com.opera360.testing.IngestBodies.item;
import static br.com.opera360.testing.IngestBodies.payment;
import static br.com.opera360.testing.IngestBodies.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/ops/projections} and {@code POST /api/ops/projections/{name}/replay}: a replay rebuilds the read
 * model in a new generation while the reads keep answering from the complete old one.
 */
class ProjectionReplayApiTest extends ApiTest {
    private static final Duration REPLAY_DEADLINE = Duration.ofMinutes(2);

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void lists_every_streaming_projection_with_its_position_and_the_head_of_the_event_store() {
        newAccount();
        List<Map<String, Object>> projections = projections();
        assertThat(projections).extracting(p -> p.get("name"))
                .contains("account", "identity", "invoice", "service", "audit", "notification", "export-process")
                .doesNotContain("session-termination");
        for (var p : projections) {
            assertThat(p).containsKeys("name", "position", "headPosition", "lag", "replaying", "status");
            long head = ((Number) p.get("headPosition")).longValue();
            long position = ((Number) p.get("position")).longValue();
            assertThat(head).isPositive();
            assertThat(((Number) p.get("lag")).longValue()).isEqualTo(Math.max(0, head - position));
            assertThat(p.get("status")).isIn("RUNNING", "REPLAYING");
            // the export process manager writes files and sends commands, the reminder mail sends e-mails: listed, never replayed
            assertThat(p.get("replayable")).as("replayable %s", p.get("name"))
                    .isEqualTo(!java.util.Set.of("export-process", "reminder-mail").contains(p.get("name")));
        }
    }

    @Test
    void operations_need_the_api_key_and_unknown_projections_are_404() {
        web.get().uri("/api/ops/projections").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/ops/projections/service/replay").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/ops/projections/{name}/replay", "nope").header("X-Api-Key", API_KEY).exchange()
           .expectStatus().isNotFound()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
           .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("nope"));
    }

    /**
     * The identity group's replay rebuilds the company read with the user: the account view is given another name
     * first, so {@code /api/me} could only show the registered one from the rebuilt copy.
     */
    @Test
    void a_replay_of_the_identity_group_rebuilds_the_company_that_me_shows() throws Exception {
        var account = newAccount();
        String token = loginAsAdmin(account);
        var byId = Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(account.accountId()));
        var rename = org.springframework.data.mongodb.core.query.Update.update("companyName", "Só na conta");
        Instant viewDeadline = Instant.now().plus(REPLAY_DEADLINE);
        while (mongo.updateFirst(byId, rename, ReadModelGenerations.collection("account", "accounts")).getMatchedCount() == 0) {
            assertThat(Instant.now()).as("account view written").isBefore(viewDeadline);
            Thread.sleep(20);
        }
        int before = generation("identity");
        replay("identity").expectStatus().isAccepted();
        awaitReplayDone("identity", before + 1);

        web.get().uri("/api/me").headers(bearer(token)).exchange().expectStatus().isOk().expectBody()
           .jsonPath("$.companyName").isEqualTo("Cliente " + account.cnpj())
           .jsonPath("$.cnpj").isEqualTo(account.cnpj());
    }

    /**
     * Readers hammer the service list of an account with N services while its projection is replayed: every answer
     * is 200 with all N services (the old generation serves until the new one has caught up), before, during and
     * after the switch.
     */
    @Test
    void reads_during_a_replay_never_fail_and_never_see_a_partly_rebuilt_view() throws Exception {
        var account = newAccount();
        String token = loginAsAdmin(account);
        int n = 60;
        for (int i = 0; i < n; i++) {
            ingest("/api/ingest/services", service(account.accountId(), String.format("RPL-%03d", i))).expectStatus().isCreated();
        }
        ingest("/api/ingest/services", service(account.accountId(), "RPL-EXTRA")).expectStatus().isCreated();
        n++;
        awaitServices(token, n);
        int generationBefore = generation("service");

        var answers = new ConcurrentLinkedQueue<String>();
        var readsWhileReplaying = new AtomicInteger();
        var replaying = new AtomicBoolean(true);
        var stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        final int expected = n;
        for (int r = 0; r < 3; r++) {
            readers.submit(() -> {
                while (!stop.get()) {
                    var result = web.get().uri("/api/services?size=500").headers(bearer(token)).exchange()
                                    .expectBody(Map.class).returnResult();
                    Object total = result.getResponseBody() == null ? null : result.getResponseBody().get("totalItems");
                    int items = result.getResponseBody() != null && result.getResponseBody().get("items") instanceof List<?> l ? l.size() : -1;
                    if (result.getStatus().value() != 200 || !Integer.valueOf(expected).equals(total) || items != expected) {
                        answers.add(result.getStatus() + " totalItems=" + total + " items=" + items);
                    }
                    if (replaying.get()) readsWhileReplaying.incrementAndGet();
                }
                return null;
            });
        }
        replay("service").expectStatus().isAccepted().expectBody()
                         .jsonPath("$.name").isEqualTo("service")
                         .jsonPath("$.generation").isEqualTo(generationBefore + 1);
        awaitReplayDone("service", generationBefore + 1);
        replaying.set(false);
        Thread.sleep(300); // reads after the switch too
        stop.set(true);
        readers.shutdown();
        assertThat(readers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(answers).as("answers that were not 200 with all %d services", n).isEmpty();
        assertThat(readsWhileReplaying.get()).as("reads made while the replay ran").isPositive();
        String old = generationBefore == 0 ? "services" : "services_g" + generationBefore;
        long dropDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (collectionNames().contains(old) && System.nanoTime() < dropDeadline) Thread.sleep(100);
        assertThat(collectionNames()).as("the old generation is dropped after its grace")
                .doesNotContain(old)
                .contains("services_g" + (generationBefore + 1));
        awaitServices(token, n);
        awaitMapCount(token, n); // the map view was rebuilt into the new generation with the list, at the end of each batch
        // the rebuilt generation keeps up with new events
        ingest("/api/ingest/services", service(account.accountId(), "RPL-AFTER")).expectStatus().isCreated();
        awaitServices(token, n + 1);
        awaitMapCount(token, n + 1);
    }

    @Test
    void replaying_twice_in_a_row_gives_the_same_read_model() throws Exception {
        var account = newAccount();
        String number = "RPL-" + account.cnpj();
        ingest("/api/ingest/invoices", invoice(account.accountId(), number, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20),
                List.of(item("D-1", "300.00")))).expectStatus().isCreated();
        ingest("/api/ingest/payments", payment(account.accountId(), number, "100.00", LocalDate.of(2026, 2, 21))).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        awaitInvoiceDue(token, number, "200.0");

        Map<String, List<Document>> before = invoiceReadModel();
        int generation = generation("invoice");
        for (int round = 1; round <= 2; round++) {
            replay("invoice").expectStatus().isAccepted();
            awaitReplayDone("invoice", generation + round);
            assertThat(invoiceReadModel()).as("invoice read model after replay %d", round).isEqualTo(before);
        }
        awaitInvoiceDue(token, number, "200.0");
    }

    /** 409 while a replay of the same projection runs (the switch needs the processor to have replayed first). */
    @Test
    void a_second_replay_while_one_runs_is_409() throws Exception {
        newAccount();
        int generation = generation("account");
        replay("account").expectStatus().isAccepted();
        var second = replay("account").expectBody(Map.class).returnResult();
        if (second.getStatus().value() == 202) {
            // the first one had already switched (a fast machine): then the second is a replay of its own
            awaitReplayDone("account", generation + 2);
        } else {
            assertThat(second.getStatus().value()).isEqualTo(409);
            assertThat((String) second.getResponseBody().get("detail")).contains("já está sendo reprocessada");
            awaitReplayDone("account", generation + 1);
        }
    }

    @Test
    void processors_without_a_read_model_declaration_are_not_replayable() {
        // every listed processor of this application declares its read model; session termination (e-mail-free but
        // a side effect) is a subscribing processor and is neither listed nor replayable
        replay("session-termination").expectStatus().isNotFound();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec replay(String name) {
        return web.post().uri("/api/ops/projections/{name}/replay", name).header("X-Api-Key", API_KEY).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> projections() {
        return web.get().uri("/api/ops/projections").header("X-Api-Key", API_KEY).exchange()
                  .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private Map<String, Object> projection(String name) {
        return projections().stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }

    private int generation(String name) {
        return ((Number) projection(name).get("generation")).intValue();
    }

    private void awaitReplayDone(String name, int generation) throws InterruptedException {
        Instant deadline = Instant.now().plus(REPLAY_DEADLINE);
        while (true) {
            var p = projection(name);
            if (!Boolean.TRUE.equals(p.get("replaying")) && ((Number) p.get("generation")).intValue() == generation) return;
            assertThat(Instant.now()).as("replay of %s done: %s", name, p).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private List<String> collectionNames() {
        return new ArrayList<>(mongo.getCollectionNames());
    }

    /** Every document of the invoice group's active collections, by _id. */
    private Map<String, List<Document>> invoiceReadModel() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String base : List.of("invoices", "negotiations", "notas_fiscais", "invoice_payers")) {
            all.put(base, mongo.find(new Query().with(Sort.by("_id")), Document.class,
                    ReadModelGenerations.collection("invoice", base)));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private void awaitServices(String token, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            Map<String, Object> page = web.get().uri("/api/services?size=500").headers(bearer(token)).exchange()
                                          .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            if (((Number) page.get("totalItems")).intValue() == n) return;
            assertThat(Instant.now()).as("services listed: %s", page.get("totalItems")).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** Every service of these tests is at one CEP with a location: the map is one circle counting them. */
    @SuppressWarnings("unchecked")
    private void awaitMapCount(String token, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            List<Map<String, Object>> circles = web.get().uri("/api/services/map?bbox=-74,-34,-28,6").headers(bearer(token))
                                                   .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            if (circles.size() == 1 && ((Number) circles.get(0).get("count")).intValue() == n) return;
            assertThat(Instant.now()).as("map circles: %s", circles).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private void awaitInvoiceDue(String token, String number, String amountDue) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            var result = web.get().uri("/api/invoices/{n}", number).headers(bearer(token)).exchange().expectBody(Map.class).returnResult();
            if (result.getStatus().value() == 200 && amountDue.equals(String.valueOf(result.getResponseBody().get("amountDue")))) return;
            assertThat(Instant.now()).as("invoice %s: %s", number, result.getResponseBody()).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
