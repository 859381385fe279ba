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
 * {@code InvoiceRegisteredUpcaster}), and long-lived aggregates are snapshotted every 100 events and still load
 * correctly, an upcast history included.
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
