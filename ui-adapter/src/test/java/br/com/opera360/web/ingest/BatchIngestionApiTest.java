package br.com.opera360.web.ingest;

import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.IngestBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static br.com.opera360.testing.IngestBodies.NDJSON;
import static br.com.opera360.testing.IngestBodies.invoice;
import static br.com.opera360.testing.IngestBodies.line;
import static br.com.opera360.testing.IngestBodies.service;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/ingest/batch}: NDJSON lines ingested in order, each as its single call; bad lines reported. */
class BatchIngestionApiTest extends ApiTest {
    private static final LocalDate PAID_ON = LocalDate.of(2026, 3, 10);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BatchSettings settings;

    @BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(Duration.ofMinutes(3)).build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> batch(String body) {
        return web.post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY).contentType(NDJSON).bodyValue(body)
                  .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** An account with its own id, as the ingesting system sends it in a batch. */
    static Map<String, Object> account(String accountId, String cnpj) {
        return IngestBodies.account(cnpj, "Lote " + cnpj, "Adm Lote", "lote-" + cnpj + "@cliente.com.br").with("accountId", accountId);
    }

    static Map<String, Object> payment(String accountId, String number, String amount) {
        return IngestBodies.payment(accountId, number, amount, PAID_ON);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rejected(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("rejected");
    }

    @Test
    void good_duplicate_and_bad_lines_are_counted_and_reported_by_line_in_order() {
        String accountId = "lote-" + UUID.randomUUID().toString().substring(0, 8);
        String cnpj = newCnpj();
        String body = String.join("\n",
                line("account", account(accountId, cnpj)),                                   // 1 accepted
                line("invoice", invoice(accountId, "L-1", "100.00")),                         // 2 accepted: the account of line 1 exists
                line("invoice", invoice(accountId, "L-1", "100.00")),                         // 3 duplicate
                line("invoice", invoice(accountId, "L-1", "999.00")),                         // 4 409
                "{\"type\": \"invoice\", \"data\": {",                                        // 5 malformed
                line("boleto", Map.of("accountId", accountId)),                               // 6 unknown type
                line("payment", payment(accountId, "L-1", "10.123")),         // 7 more than 2 decimals
                line("payment", payment(accountId, "NAO-EXISTE", "10.00")),   // 8 unknown invoice
                "   ",                                                                        // 9 blank: skipped
                line("payment", payment(accountId, "L-1", "40.00")),          // 10 accepted
                line("service", service(accountId, "SRV-1")),                                 // 11 accepted
                line("serviceChange", Map.of("accountId", accountId, "designation", "SRV-1", "speedMbps", 200)),  // 12 accepted
                line("serviceChange", Map.of("accountId", accountId, "designation", "SRV-1", "speedMbps", 200)),  // 13 changes nothing
                line("serviceChange", Map.of("accountId", accountId, "speedMbps", 300)),      // 14 no designation
                line("payment", Map.of("accountId", accountId, "invoiceNumber", "L-1", "amount", Map.of("x", 1), "paidOn", "2026-03-10")), // 15 wrong type
                "[1, 2]",                                                                     // 16 not an object
                line("installmentPayment", Map.of("accountId", accountId, "negotiationId", "NEG-X", "installmentNumber", 1,
                        "amount", 10, "paidOn", "2026-03-10")),                               // 17 unknown negotiation
                "{\"type\": \"payment\", \"data\": {\"$where\": \"1\", \"accountId\": \"" + accountId + "\"}}") + "\n";

        var result = batch(body);

        assertThat(result).containsEntry("accepted", 5).containsEntry("duplicates", 2);
        assertThat(rejected(result)).extracting(r -> r.get("line"), r -> r.get("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, 409), org.assertj.core.groups.Tuple.tuple(5, 400),
                org.assertj.core.groups.Tuple.tuple(6, 400), org.assertj.core.groups.Tuple.tuple(7, 400),
                org.assertj.core.groups.Tuple.tuple(8, 404), org.assertj.core.groups.Tuple.tuple(14, 400),
                org.assertj.core.groups.Tuple.tuple(15, 400), org.assertj.core.groups.Tuple.tuple(16, 400),
                org.assertj.core.groups.Tuple.tuple(17, 404), org.assertj.core.groups.Tuple.tuple(18, 400));
        assertThat(rejected(result)).allSatisfy(r -> assertThat((String) r.get("detail")).isNotBlank().doesNotContain("Exception"));
        assertThat(rejected(result).get(1).get("detail")).isEqualTo("A linha não é um JSON válido.");
        assertThat(rejected(result).get(2).get("detail")).asString().contains("type");
        assertThat(rejected(result).get(3).get("detail")).asString().contains("amount");
        assertThat(rejected(result).get(5).get("detail")).asString().contains("designation");
        assertThat(rejected(result).get(6).get("detail")).asString().contains("amount");
        assertThat(rejected(result).get(9).get("detail")).asString().contains("$where");

        // each line was ingested exactly as its single call: the single calls now see what the batch recorded
        @SuppressWarnings("unchecked")
        Map<String, Object> conflict = web.post().uri("/api/ingest/invoices").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(invoice(accountId, "L-1", "999.00")).exchange().expectStatus().isEqualTo(409)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(rejected(result).get(0).get("detail")).isEqualTo(conflict.get("detail"));
        ingest("/api/ingest/accounts", account(accountId, cnpj)).expectStatus().isOk();
        ingest("/api/ingest/invoices", invoice(accountId, "L-1", "100.00")).expectStatus().isOk();
        ingest("/api/ingest/payments", payment(accountId, "L-1", "40.00")).expectStatus().isOk();
        ingest("/api/ingest/services", service(accountId, "SRV-1")).expectStatus().isOk();
        web.patch().uri("/api/ingest/services/SRV-1").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("accountId", accountId, "speedMbps", 200)).exchange()
           .expectStatus().isOk().expectBody().jsonPath("$.changes").isEmpty();
        assertThat(eventCount(accountId + ":L-1")).as("registration and one payment").isEqualTo(2);

        // recorded by the ingesting system, as the single calls are
        List<String> metas = jdbc.queryForList("select metaData from DomainEventEntry where aggregateIdentifier = ?", byte[].class,
                accountId + ":L-1").stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
        assertThat(metas).allSatisfy(m -> assertThat(m).contains("\"actor\":\"system:ingest\"").contains("\"source\":\"ingest\""));
    }

    long eventCount(String aggregateId) {
        Long n = jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?", Long.class, aggregateId);
        return n == null ? 0 : n;
    }

    @Test
    void an_empty_body_or_blank_lines_answer_zeros() {
        for (String body : List.of("", "\n", "\n\r\n  \n")) {
            assertThat(batch(body)).containsEntry("accepted", 0).containsEntry("duplicates", 0).containsEntry("rejected", List.of());
        }
        web.post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY).contentType(NDJSON).exchange()
           .expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(0);
    }

    @Test
    void the_last_line_needs_no_newline_and_crlf_is_accepted() {
        var account = newAccount();
        String body = line("invoice", invoice(account.accountId(), "C-1", "10.00")) + "\r\n"
                + line("invoice", invoice(account.accountId(), "C-2", "20.00"));
        assertThat(batch(body)).containsEntry("accepted", 2).containsEntry("rejected", List.of());
        ingest("/api/ingest/invoices", invoice(account.accountId(), "C-2", "20.00")).expectStatus().isOk();
    }

    @Test
    void the_batch_needs_the_api_key() {
        web.post().uri("/api/ingest/batch").contentType(NDJSON).bodyValue("").exchange().expectStatus().isUnauthorized();
    }

    /**
     * A body of more than 100 MB: its first line is ingested while the rest is still being sent (the client waits for
     * the account to exist before it sends more, which would never happen if the server read the whole body first);
     * then a single line of 100 MB, over the line limit, is rejected alone and the line after it still counts.
     */
    @Test
    void a_large_body_is_streamed_line_by_line() {
        String accountId = "grande-" + UUID.randomUUID().toString().substring(0, 8);
        String cnpj = newCnpj();
        var buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] junk = new byte[1024 * 1024];
        Arrays.fill(junk, (byte) 'x');
        Flux<DataBuffer> body = Flux.concat(
                Mono.fromSupplier(() -> buffers.wrap((line("account", account(accountId, cnpj)) + "\n").getBytes(StandardCharsets.UTF_8))),
                Mono.defer(() -> awaitAccount(accountId)).then(Mono.<DataBuffer>empty()),
                Flux.range(0, 100).map(i -> buffers.wrap(junk)),
                Mono.fromSupplier(() -> buffers.wrap(("\n" + line("invoice", invoice(accountId, "G-1", "10.00")) + "\n").getBytes(StandardCharsets.UTF_8))));

        @SuppressWarnings("unchecked")
        Map<String, Object> result = web.post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY).contentType(NDJSON)
                .body(body, DataBuffer.class).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(result).containsEntry("accepted", 2).containsEntry("duplicates", 0);
        assertThat(rejected(result)).hasSize(1);
        assertThat(rejected(result).get(0)).containsEntry("line", 2).containsEntry("status", 413);
        ingest("/api/ingest/invoices", invoice(accountId, "G-1", "10.00")).expectStatus().isOk();
    }

    /** Polls (off the request's thread) until the account of the streamed first line is in the event store. */
    private Mono<Void> awaitAccount(String accountId) {
        return Mono.fromRunnable(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (eventCount(accountId) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the first line was not ingested while the body was still being sent");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).then();
    }

    @Test
    void a_batch_declared_larger_than_the_limit_is_refused_with_413_before_any_line_is_read() {
        String accountId = "limite-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder(line("account", account(accountId, newCnpj()))).append('\n');
        for (int i = 0; i < 20; i++) body.append(line("invoice", invoice(accountId, "LIM-" + i, "10.00"))).append('\n');
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        var before = settings.getMaxBytes();
        settings.setMaxBytes(org.springframework.util.unit.DataSize.ofBytes(bytes.length - 1));
        try {
            web.post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY).contentType(NDJSON).bodyValue(bytes).exchange()
               .expectStatus().isEqualTo(413)
               .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
               .expectBody()
               .jsonPath("$.status").isEqualTo(413)
               .jsonPath("$.title").isEqualTo("Conteúdo grande demais")
               .jsonPath("$.detail").isEqualTo("O lote tem " + bytes.length + " bytes e passa do limite de " + (bytes.length - 1)
                       + " bytes desta instalação. Divida as linhas em lotes menores e envie cada um.");
            assertThat(eventCount(accountId)).as("not even the first line was ingested").isZero();

            // at the limit it goes through
            settings.setMaxBytes(org.springframework.util.unit.DataSize.ofBytes(bytes.length));
            assertThat(batch(body.toString())).containsEntry("accepted", 21).containsEntry("rejected", List.of());
        } finally {
            settings.setMaxBytes(before);
        }
    }

    long accountEventCount(String accountId) {
        Long n = jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier like ?", Long.class, accountId + ":%");
        return n == null ? 0 : n;
    }

    /**
     * One chunk (all lines commit together) with good and bad lines mixed: each bad line is answered by its number and
     * leaves no event, the good ones around it are stored, and a line after a refused one sees the invoice as the
     * lines before it left it (the refused payment's aggregate is reloaded from the store plus the chunk's staged events).
     */
    @Test
    void inside_one_chunk_every_line_keeps_its_own_answer_and_a_refused_line_leaves_no_event() {
        var account = newAccount();
        String a = account.accountId();
        String body = String.join("\n",
                line("invoice", invoice(a, "M-1", "100.00")),                        // 1 accepted
                line("payment", payment(a, "M-1", "40.00")),         // 2 accepted: amount due 60
                line("payment", payment(a, "M-1", "70.00")),         // 3 409: more than the 60 due
                line("invoice", invoice(a, "M-2", "50.00")),                         // 4 accepted
                line("invoice", invoice(a, "M-1", "999.00")),                        // 5 409: other data for M-1
                line("invoice", invoice("conta-que-nao-existe", "M-3", "10.00")),   // 6 404: unknown account
                line("payment", payment(a, "M-1", "60.00")),         // 7 accepted: pays the rest
                line("payment", payment(a, "M-1", "60.00")),         // 8 duplicate of line 7
                line("payment", payment(a, "M-2", "-1.00")),         // 9 400
                line("payment", payment(a, "M-1", "0.01"))) + "\n"; // 10 409: already paid

        var result = batch(body);

        assertThat(result).containsEntry("accepted", 4).containsEntry("duplicates", 1);
        assertThat(rejected(result)).extracting(r -> r.get("line"), r -> r.get("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, 409), org.assertj.core.groups.Tuple.tuple(5, 409),
                org.assertj.core.groups.Tuple.tuple(6, 404), org.assertj.core.groups.Tuple.tuple(9, 400),
                org.assertj.core.groups.Tuple.tuple(10, 409));
        assertThat((String) rejected(result).get(0).get("detail")).contains("60.00");
        assertThat(eventCount(a + ":M-1")).as("registration and the payments of lines 2 and 7").isEqualTo(3);
        assertThat(eventCount(a + ":M-2")).isEqualTo(1);
        assertThat(eventCount("conta-que-nao-existe:M-3")).isZero();
        ingest("/api/ingest/payments", payment(a, "M-1", "60.00")).expectStatus().isOk();
        ingest("/api/ingest/payments", payment(a, "M-1", "70.00")).expectStatus().isEqualTo(409);
    }

    /** The identical batch again changes nothing: every line that was recorded is now a duplicate, the refused ones are refused again. */
    @Test
    void an_identical_resend_of_a_whole_batch_changes_nothing() {
        var account = newAccount();
        String a = account.accountId();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append(line("invoice", invoice(a, "R-" + i, "100.00"))).append('\n');
            body.append(line("payment", payment(a, "R-" + i, i % 10 == 0 ? "200.00" : "25.00"))).append('\n');
        }
        var first = batch(body.toString());
        assertThat(first).containsEntry("accepted", 570).containsEntry("duplicates", 0);
        assertThat(rejected(first)).hasSize(30).allSatisfy(r -> assertThat(r.get("status")).isEqualTo(409));
        long events = accountEventCount(a);
        assertThat(events).isEqualTo(570);

        var again = batch(body.toString());

        assertThat(again).containsEntry("accepted", 0).containsEntry("duplicates", 570);
        assertThat(rejected(again)).isEqualTo(rejected(first));
        assertThat(accountEventCount(a)).isEqualTo(events);
    }

    /** With 3 lines per chunk, a payment whose invoice came in the chunk before still finds it, and bad lines stay alone in each chunk. */
    @Test
    void lines_depend_on_earlier_lines_across_chunk_boundaries() {
        var account = newAccount();
        String a = account.accountId();
        int before = settings.getChunkLines();
        settings.setChunkLines(3);
        try {
            String body = String.join("\n",
                    line("invoice", invoice(a, "B-1", "100.00")),                    // 1 chunk 1
                    line("payment", payment(a, "B-9", "1.00")),      // 2 404: not yet there
                    line("invoice", invoice(a, "B-2", "100.00")),                    // 3
                    line("payment", payment(a, "B-2", "30.00")),     // 4 chunk 2: invoice of line 3
                    line("payment", payment(a, "B-1", "100.00")),    // 5 invoice of line 1
                    line("invoice", invoice(a, "B-9", "10.00")),                     // 6
                    line("payment", payment(a, "B-9", "1.00")),      // 7 chunk 3: invoice of line 6
                    line("payment", payment(a, "B-2", "80.00")),     // 8 409: 70 due after line 4
                    line("payment", payment(a, "B-2", "70.00"))) + "\n"; // 9

            var result = batch(body);

            assertThat(result).containsEntry("accepted", 7).containsEntry("duplicates", 0);
            assertThat(rejected(result)).extracting(r -> r.get("line"), r -> r.get("status")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(2, 404), org.assertj.core.groups.Tuple.tuple(8, 409));
            assertThat(eventCount(a + ":B-1")).isEqualTo(2);
            assertThat(eventCount(a + ":B-2")).isEqualTo(3);
            assertThat(eventCount(a + ":B-9")).isEqualTo(2);
            // again: line 2 now finds the invoice of line 6 and is the same payment as line 7
            assertThat(batch(body)).containsEntry("accepted", 0).containsEntry("duplicates", 8);
        } finally {
            settings.setChunkLines(before);
        }
    }
}
