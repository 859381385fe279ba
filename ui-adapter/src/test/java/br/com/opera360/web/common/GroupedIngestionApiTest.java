package br.com.opera360.web.common;

import br.com.opera360.testing.ApiTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static br.com.opera360.testing.IngestBodies.invoice;
import static br.com.opera360.testing.IngestBodies.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single-item ingestion requests that wait while the embedded event store commits are committed together, and each
 * still gets the answer it would get alone: the requests are queued behind a group held open by the test, then
 * committed as one group.
 */
class GroupedIngestionApiTest extends ApiTest {
    @Autowired
    SingleIngestions ingestions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void requests_waiting_for_a_commit_are_committed_as_one_group_and_each_gets_its_own_answer() throws Exception {
        assertThat(ingestions).as("the embedded mode groups commits").isInstanceOf(GroupedIngestions.class);
        GroupedIngestions grouped = (GroupedIngestions) ingestions;
        String accountId = newAccount().accountId();
        var requests = List.<Map.Entry<String, Object>>of(
                Map.entry("/api/ingest/invoices", invoice(accountId, "G-1", "100.00")),     // 201
                Map.entry("/api/ingest/invoices", invoice(accountId, "G-2", "250.00")),     // 201
                Map.entry("/api/ingest/invoices", invoice(accountId, "G-1", "100.00")),     // 200: identical re-send of the first, in the same group
                Map.entry("/api/ingest/invoices", invoice(accountId, "G-1", "999.00")),     // 409: other data for G-1
                Map.entry("/api/ingest/payments", payment(accountId, "G-2", "40.00", LocalDate.of(2026, 3, 10))),  // 201: pays G-2 of this group
                Map.entry("/api/ingest/invoices", invoice("conta-que-nao-existe", "G-3", "10.00")),  // 404
                Map.entry("/api/ingest/invoices", invoice(accountId, "G-4", "10.123")));    // 400: more than 2 decimals
        List<Integer> expected = List.of(201, 201, 200, 409, 201, 404, 400);

        var summary = meters.get("opera360.ingest.group.size").summary();
        long groupsBefore = summary.count();
        var release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try {
            // the committer busy with a group of its own: what arrives meanwhile waits, in arrival order
            var holder = grouped.run(Mono.fromCallable(() -> {
                release.await(1, TimeUnit.MINUTES);
                return IngestionAnswer.of(false, Map.of());
            })).toFuture();
            await().atMost(Duration.ofSeconds(10)).until(() -> grouped.waiting() == 0 && summary.count() == groupsBefore + 1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (var request : requests) {
                int queued = grouped.waiting();
                answers.add(CompletableFuture.supplyAsync(() -> ingest(request.getKey(), request.getValue())
                        .returnResult(String.class).getStatus().value(), clients));
                await().atMost(Duration.ofSeconds(10)).until(() -> grouped.waiting() == queued + 1);
            }
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) statuses.add(answer.get(30, TimeUnit.SECONDS));
            assertThat(statuses).isEqualTo(expected);
            assertThat(summary.count()).as("the held group, then the seven requests in one").isEqualTo(groupsBefore + 2);
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
        // what the store kept: the rejected requests left nothing
        assertThat(eventsOf(accountId + ":G-1")).as("G-1: its registration only").isEqualTo(1);
        assertThat(eventsOf(accountId + ":G-2")).as("G-2: registration and payment").isEqualTo(2);
        assertThat(eventsOf(accountId + ":G-4")).isZero();
        assertThat(eventsOf("conta-que-nao-existe:G-3")).isZero();
    }

    /** Each request of a group keeps its own caller and correlation id in its events (the audit shows them). */
    @Test
    void each_request_of_a_group_records_its_own_caller_and_correlation_id() throws Exception {
        GroupedIngestions grouped = (GroupedIngestions) ingestions;
        String accountId = newAccount().accountId();
        var summary = meters.get("opera360.ingest.group.size").summary();
        long groupsBefore = summary.count();
        var release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            var holder = grouped.run(Mono.fromCallable(() -> {
                release.await(1, TimeUnit.MINUTES);
                return IngestionAnswer.of(false, Map.of());
            })).toFuture();
            await().atMost(Duration.ofSeconds(10)).until(() -> grouped.waiting() == 0 && summary.count() == groupsBefore + 1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                answers.add(CompletableFuture.supplyAsync(() -> web.post().uri("/api/ingest/invoices").header("X-Api-Key", API_KEY)
                        .header("X-Correlation-Id", "grupo-" + accountId + "-" + n).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(invoice(accountId, "M-" + n, "10.00")).exchange().returnResult(String.class).getStatus().value(), clients));
                await().atMost(Duration.ofSeconds(10)).until(() -> grouped.waiting() == n);
            }
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            for (var answer : answers) assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            assertThat(summary.count()).as("the three requests in one group").isEqualTo(groupsBefore + 2);
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
        var json = new ObjectMapper();
        for (int n = 1; n <= 3; n++) {
            byte[] meta = jdbc.queryForObject("select metaData from DomainEventEntry where aggregateIdentifier = ?", byte[].class,
                    accountId + ":M-" + n);
            var node = json.readTree(meta);
            assertThat(node.get("actor").asText()).isEqualTo("system:ingest");
            assertThat(node.get("source").asText()).isEqualTo("ingest");
            assertThat(node.get("correlationId").asText()).isEqualTo("grupo-" + accountId + "-" + n);
        }
    }

    private int eventsOf(String aggregateIdentifier) {
        return jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?", Integer.class,
                aggregateIdentifier);
    }
}
