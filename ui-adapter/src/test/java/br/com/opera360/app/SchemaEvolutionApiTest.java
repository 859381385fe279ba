package br.com.opera360.app;

import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.IngestBodies;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static br.com.opera360.testing.IngestBodies.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema evolution on the real event store: an event stored in an older revision is read in the current one (the
 * {@code InvoiceRegisteredUpcaster}, the {@code ExportRequestedUpcaster}), and long-lived aggregates are snapshotted
 * every 100 events and still load correctly, an upcast history included.
 */
class SchemaEvolutionApiTest extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * A revision-0 {@code InvoiceRegistered} (no {@code totalAmount}) written straight into the event store, as an
     * older version of the application wrote it: the projection shows the total (sum of the items), the aggregate
     * decides payments on it, and after 100 payments its snapshot (taken from the upcast history) keeps deciding right.
     */
    @Test
    void a_revision_0_invoice_registration_is_read_as_revision_1_by_the_projection_and_the_aggregate() throws Exception {
        var account = newAccount();
        String token = loginAsAdmin(account);
        String number = "LEG-" + account.cnpj();
        String invoiceId = account.accountId() + ":" + number;
        String revision0 = """
                {"invoiceId":"%s","accountId":"%s","number":"%s","issueDate":"2026-02-01","dueDate":"2026-03-20",
                 "issuer":"Operadora Legada","issuerCnpj":null,"items":[
                  {"designation":"D-1","serviceType":"Link Dedicado","description":"Mensalidade","amount":250.50,"periodStart":null,"periodEnd":null},
                  {"designation":"D-1","serviceType":"Link Dedicado","description":"Desconto","amount":-50.25,"periodStart":null,"periodEnd":null}]}
                """.formatted(invoiceId, account.accountId(), number);
        assertThat(revision0).doesNotContain("totalAmount");
        jdbc.update("insert into DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) values (?, 0, 'Invoice', ?, ?, ?, '0', 'InvoiceRegistered', ?)",
                invoiceId, UUID.randomUUID().toString(),
                "{\"actor\":\"system:ingest\",\"source\":\"ingest\",\"correlationId\":\"legacy\"}".getBytes(StandardCharsets.UTF_8),
                revision0.getBytes(StandardCharsets.UTF_8), DateTimeUtils.formatInstant(clock.instant()));

        // the projection reads it as revision 1
        Map<String, Object> invoice = awaitInvoice(token, number, i -> "200.25".equals(String.valueOf(i.get("totalAmount"))));
        assertThat(invoice.get("amountDue")).hasToString("200.25");

        // the aggregate reads it as revision 1: payments are checked against the upcast total
        for (int i = 1; i <= 100; i++) {
            ingest("/api/ingest/payments", payment(account.accountId(), number, "P-" + i, "0.01")).expectStatus().isCreated();
        }
        Map<String, Object> snapshot = jdbc.queryForMap("select max(sequenceNumber) seq, max(payloadRevision) rev, max(payloadType) type "
                + "from SnapshotEventEntry where aggregateIdentifier = ?", invoiceId);
        assertThat(snapshot.get("TYPE")).as("snapshot of the invoice after 100 events").isEqualTo("br.com.opera360.command.invoice.Invoice");
        assertThat(((Number) snapshot.get("SEQ")).longValue()).isGreaterThanOrEqualTo(99);
        assertThat(snapshot.get("REV")).isEqualTo("1");

        ingest("/api/ingest/payments", payment(account.accountId(), number, "P-over", "199.26")).expectStatus().isEqualTo(409);
        ingest("/api/ingest/payments", payment(account.accountId(), number, "P-50", "0.01")).expectStatus().isOk(); // identical re-send
        ingest("/api/ingest/payments", payment(account.accountId(), number, "P-50", "0.02")).expectStatus().isEqualTo(409);
        ingest("/api/ingest/payments", payment(account.accountId(), number, "P-last", "199.25")).expectStatus().isCreated();
        invoice = awaitInvoice(token, number, i -> "PAID".equals(i.get("status")));
        assertThat(((Number) invoice.get("amountDue")).doubleValue()).isZero();
        assertThat(invoice.get("totalAmount")).hasToString("200.25");
    }

    /** A service changed 105 times: a snapshot is taken, and the aggregate loaded from it keeps every rule. */
    @Test
    void a_long_lived_service_is_snapshotted_after_100_events_and_still_loads_correctly() {
        var account = newAccount();
        String token = loginAsAdmin(account);
        String designation = "SNAP-" + account.cnpj();
        ingest("/api/ingest/services", service(account.accountId(), designation)).expectStatus().isCreated();
        for (int i = 1; i <= 105; i++) {
            patch(designation, Map.of("accountId", account.accountId(), "speedMbps", i % 2 == 1 ? 200 : 100)).expectStatus().isOk();
        }
        String serviceId = account.accountId() + ":" + designation;
        List<Map<String, Object>> snapshots = jdbc.queryForList(
                "select sequenceNumber, payloadType, payloadRevision from SnapshotEventEntry where aggregateIdentifier = ?", serviceId);
        assertThat(snapshots).as("snapshots of %s", serviceId).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("PAYLOADTYPE")).isEqualTo("br.com.opera360.command.service.Service");
            assertThat(s.get("PAYLOADREVISION")).isEqualTo("1");
            assertThat(((Number) s.get("SEQUENCENUMBER")).longValue()).isGreaterThanOrEqualTo(99);
        });

        // the state restored from the snapshot decides: the speed is 200 now (105 is odd), so 200 changes nothing
        long before = eventCount(serviceId);
        patch(designation, Map.of("accountId", account.accountId(), "speedMbps", 200)).expectStatus().isOk();
        assertThat(eventCount(serviceId)).as("a PATCH that changes nothing records nothing").isEqualTo(before);
        patch(designation, Map.of("accountId", account.accountId(), "status", "CANCELLED")).expectStatus().isOk();
        patch(designation, Map.of("accountId", account.accountId(), "speedMbps", 300)).expectStatus().isEqualTo(409);
        assertThat(eventCount(serviceId)).isEqualTo(before + 1);
    }

    /**
     * Two {@code ExportRequested} events as the application stored them before requests recorded their parsed query (no
     * revision, only the raw {@code filters}), written straight into the event store: the upcaster parses the filters
     * with the list's parser as the events are read, so the export process produces the file from the same query the
     * list answers, the aggregate records it READY; filters the list no longer accepts end FAILED with a reason.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_revision_0_export_request_with_only_filters_is_upcast_and_produces_the_rows_the_list_shows() throws Exception {
        var account = newAccount();
        invoice(account.accountId(), "EXP-OPEN", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 20), "10.00");
        invoice(account.accountId(), "EXP-LATE", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 5), "20.00");
        invoice(account.accountId(), "EXP-PAID", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 5), "30.00");
        ingest("/api/ingest/payments", payment(account.accountId(), "EXP-PAID", "P-1", "30.00")).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        String userId = (String) web.get().uri("/api/me").headers(bearer(token)).exchange().expectStatus().isOk()
                                    .expectBody(Map.class).returnResult().getResponseBody().get("userId");
        var list = web.get().uri("/api/invoices?status=OPEN&status=PAID&sort=dueDate,asc").headers(bearer(token)).exchange()
                      .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<String> listed = ((List<Map<String, Object>>) list.get("items")).stream().map(i -> (String) i.get("number")).toList();
        assertThat(listed).containsExactly("EXP-PAID", "EXP-OPEN");

        String exportId = UUID.randomUUID().toString();
        String rejectedId = UUID.randomUUID().toString();
        String revision0 = """
                {"exportId":"%s","accountId":"%s","userId":"%s","dataset":"invoices","format":"csv",
                 "filters":{"sort":["dueDate,asc"],"status":["OPEN","PAID"]},"requestedAt":"2026-03-10T15:00:00Z"}
                """;
        storeRevision0(exportId, revision0.formatted(exportId, account.accountId(), userId), userId);
        storeRevision0(rejectedId, revision0.formatted(rejectedId, account.accountId(), userId).replace("\"OPEN\"", "\"LATER\""), userId);

        Map<String, Object> ready = awaitNotification(token, exportId, "READY");
        assertThat(ready).containsEntry("rowCount", 2);
        byte[] file = web.get().uri("/api/exports/{id}/file", exportId).headers(bearer(token)).exchange().expectStatus().isOk()
                         .expectBody(byte[].class).returnResult().getResponseBody();
        List<String> exported = new String(file, StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(';'))).toList();
        assertThat(exported).isEqualTo(listed);

        Map<String, Object> failed = awaitNotification(token, rejectedId, "FAILED");
        assertThat((String) failed.get("failureReason")).contains("antes de uma atualização do sistema");
    }

    private void storeRevision0(String exportId, String payload, String userId) {
        assertThat(payload).doesNotContain("query");
        jdbc.update("insert into DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) values (?, 0, 'Export', ?, ?, ?, null, 'ExportRequested', ?)",
                exportId, UUID.randomUUID().toString(),
                ("{\"actor\":\"" + userId + "\",\"source\":\"portal\",\"correlationId\":\"legacy\"}").getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), DateTimeUtils.formatInstant(clock.instant()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitNotification(String token, String exportId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var page = web.get().uri("/api/notifications?size=500").headers(bearer(token)).exchange().expectStatus().isOk()
                          .expectBody(Map.class).returnResult().getResponseBody();
            var found = ((List<Map<String, Object>>) page.get("items")).stream().filter(n -> exportId.equals(n.get("exportId")))
                    .findFirst().orElse(null);
            if (found != null && status.equals(found.get("status"))) return found;
            assertThat(Instant.now()).as("export %s: %s", exportId, found).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private void invoice(String accountId, String number, LocalDate issueDate, LocalDate dueDate, String amount) {
        Map<String, Object> item = Map.of("designation", "LINK-" + number, "serviceType", "Link Dedicado",
                "description", "Mensalidade", "amount", new java.math.BigDecimal(amount));
        ingest("/api/ingest/invoices", Map.of("accountId", accountId, "number", number, "issueDate", issueDate.toString(),
                "dueDate", dueDate.toString(), "issuer", "Operadora", "items", List.of(item))).expectStatus().isCreated();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private long eventCount(String aggregateId) {
        return jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?", Long.class, aggregateId);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec patch(String designation, Map<String, Object> body) {
        return web.patch().uri("/api/ingest/services/{d}", designation).header("X-Api-Key", API_KEY)
                  .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitInvoice(String token, String number, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            var result = web.get().uri("/api/invoices/{n}", number).headers(bearer(token)).exchange().expectBody(Map.class).returnResult();
            if (result.getStatus().value() == 200 && done.test(result.getResponseBody())) return result.getResponseBody();
            assertThat(Instant.now()).as("invoice %s: %s %s", number, result.getStatus(), result.getResponseBody()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static Map<String, Object> payment(String accountId, String number, String paymentId, String amount) {
        return IngestBodies.payment(accountId, number, amount, LocalDate.of(2026, 3, 1)).with("paymentId", paymentId);
    }
}
