package br.com.opera360.web.invoice;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static br.com.opera360.testing.IngestBodies.payment;
import static br.com.opera360.testing.IngestBodies.negotiation;
import static br.com.opera360.testing.IngestBodies.installment;
import static br.com.opera360.testing.IngestBodies.installmentPayment;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/invoices/{number}?asOf=}: the invoice as it stood at an instant, rebuilt from its events (AUDIT_VIEW). */
class InvoiceAsOfApiTest extends InvoiceApiSupport {

    private static WebTestClient.BodyContentSpec asOf(WebTestClient client, String number, Object instant) {
        return client.get().uri(b -> b.path("/api/invoices/{number}").queryParam("asOf", "{asOf}").build(number, instant.toString()))
                     .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void the_invoice_before_and_after_a_payment_and_once_paid() {
        var account = newAccount();
        Instant registered = clock.instant();
        registerInvoice(account.accountId(), "H-1", LocalDate.of(2026, 3, 20), "100.00");
        clock.add(Duration.ofDays(1));
        Instant firstPayment = clock.instant();
        ingest("/api/ingest/payments", payment(account.accountId(), "H-1", "40.00", LocalDate.of(2026, 3, 11))).expectStatus().isCreated();
        clock.add(Duration.ofDays(15));
        Instant paid = clock.instant();
        ingest("/api/ingest/payments", payment(account.accountId(), "H-1", "60.00", LocalDate.of(2026, 3, 26))).expectStatus().isCreated();
        var auditor = portal(account, "AUDIT_VIEW"); // signed in now: sessions last 8 hours of the moving clock

        asOf(auditor, "H-1", registered)
                .jsonPath("$.number").isEqualTo("H-1")
                .jsonPath("$.totalAmount").isEqualTo(100.0).jsonPath("$.amountDue").isEqualTo(100.0)
                .jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.statusLabel").isEqualTo("A vencer")
                .jsonPath("$.daysUntilDue").isEqualTo(10)
                .jsonPath("$.services[0].designation").isEqualTo("LINK-H-1")
                .jsonPath("$.statusDetail.dueDate").isEqualTo("2026-03-20");
        asOf(auditor, "H-1", firstPayment.minusMillis(1)).jsonPath("$.amountDue").isEqualTo(100.0);
        asOf(auditor, "H-1", firstPayment).jsonPath("$.amountDue").isEqualTo(60.0).jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.daysUntilDue").isEqualTo(9);
        // the day before the last payment the invoice was already overdue: PENDING as of that day
        asOf(auditor, "H-1", "2026-03-25T12:00:00-03:00").jsonPath("$.amountDue").isEqualTo(60.0)
                .jsonPath("$.status").isEqualTo("PENDING").jsonPath("$.daysOverdue").isEqualTo(5)
                .jsonPath("$.statusDetail.amountDue").isEqualTo(60.0);
        asOf(auditor, "H-1", paid).jsonPath("$.amountDue").isEqualTo(0.0).jsonPath("$.status").isEqualTo("PAID")
                .jsonPath("$.statusDetail.paidOn").isEqualTo("2026-03-26").jsonPath("$.statusDetail.amountPaid").isEqualTo(100.0);

        // as of now it is exactly what the read model shows
        var reader = portal(account, "INVOICES_VIEW", "AUDIT_VIEW");
        String live = reader.get().uri("/api/invoices/H-1").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String rebuilt = reader.get().uri(b -> b.path("/api/invoices/H-1").queryParam("asOf", "{asOf}").build(clock.instant().toString()))
                               .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(rebuilt).isEqualTo(live);
    }

    @Test
    void a_negotiated_invoice_shows_its_negotiation_as_it_stood() {
        var account = newAccount();
        registerInvoice(account.accountId(), "N-1", LocalDate.of(2026, 3, 1), "300.00");
        clock.add(Duration.ofHours(1));
        ingest("/api/ingest/negotiations", negotiation(account.accountId(), "NEG-A", List.of("N-1"), LocalDate.of(2026, 3, 10),
                List.of(installment(1, LocalDate.of(2026, 3, 15), "150.00"), installment(2, LocalDate.of(2026, 4, 15), "160.00"))))
                .expectStatus().isCreated();
        Instant negotiated = clock.instant();
        clock.add(Duration.ofDays(2));
        ingest("/api/ingest/installment-payments", installmentPayment(account.accountId(), "NEG-A", 1, "150.00", LocalDate.of(2026, 3, 12)))
                .expectStatus().isCreated();
        var auditor = portal(account, "AUDIT_VIEW");

        asOf(auditor, "N-1", negotiated).jsonPath("$.status").isEqualTo("INSTALLMENT")
                .jsonPath("$.statusDetail.negotiationId").isEqualTo("NEG-A")
                .jsonPath("$.statusDetail.installments[0].status").isEqualTo("OPEN")
                .jsonPath("$.statusDetail.installments[0].paidOn").isEmpty();
        asOf(auditor, "N-1", clock.instant()).jsonPath("$.statusDetail.installments[0].status").isEqualTo("PAID")
                .jsonPath("$.statusDetail.installments[0].paidOn").isEqualTo("2026-03-12")
                .jsonPath("$.statusDetail.installments[1].status").isEqualTo("OPEN");
        asOf(auditor, "N-1", negotiated.minusSeconds(1)).jsonPath("$.status").isEqualTo("PENDING");
    }

    @Test
    void before_the_invoice_existed_or_of_another_account_it_is_not_found() {
        var account = newAccount();
        var other = newAccount();
        clock.add(Duration.ofHours(1));
        registerInvoice(account.accountId(), "E-1", LocalDate.of(2026, 3, 20), "10.00");
        registerInvoice(other.accountId(), "E-1", LocalDate.of(2026, 3, 20), "99.00");
        registerInvoice(other.accountId(), "E-2", LocalDate.of(2026, 3, 20), "99.00");
        var auditor = portal(account, "AUDIT_VIEW");

        for (String asOf : List.of(START.toString(), clock.instant().minusMillis(1).toString())) {
            auditor.get().uri(b -> b.path("/api/invoices/E-1").queryParam("asOf", "{asOf}").build(asOf)).exchange()
                   .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                   .expectBody().jsonPath("$.detail").isEqualTo("Fatura não encontrada.");
        }
        asOf(auditor, "E-1", clock.instant()).jsonPath("$.totalAmount").isEqualTo(10.0);
        auditor.get().uri(b -> b.path("/api/invoices/E-2").queryParam("asOf", "{asOf}").build(clock.instant().toString()))
               .exchange().expectStatus().isNotFound();
    }

    @Test
    void as_of_needs_audit_view_and_a_well_formed_instant() {
        var account = newAccount();
        registerInvoice(account.accountId(), "R-1", LocalDate.of(2026, 3, 20), "10.00");
        var viewer = portal(account, "INVOICES_VIEW");
        viewer.get().uri("/api/invoices/R-1?asOf=" + clock.instant()).exchange()
              .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        viewer.get().uri("/api/invoices/R-1").exchange().expectStatus().isOk();

        var auditor = portal(account, "AUDIT_VIEW");
        auditor.get().uri("/api/invoices/R-1").exchange().expectStatus().isForbidden();
        for (String bad : List.of("ontem", "2026-03-10", "2026-03-10T10:00:00", "")) {
            auditor.get().uri("/api/invoices/R-1?asOf=" + bad).exchange()
                   .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                   .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        }
        auditor.get().uri("/api/invoices/R-1?asOf=" + clock.instant()).exchange().expectStatus().isOk();
    }
}
