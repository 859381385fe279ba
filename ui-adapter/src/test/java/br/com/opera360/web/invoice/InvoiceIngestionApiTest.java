package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.GetNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static br.com.opera360.testing.IngestBodies.payment;
import static br.com.opera360.testing.IngestBodies.negotiation;
import static br.com.opera360.testing.IngestBodies.installment;
import static br.com.opera360.testing.IngestBodies.installmentPayment;
import static org.assertj.core.api.Assertions.assertThat;

class InvoiceIngestionApiTest extends InvoiceApiSupport {

    @Test
    void an_invoice_is_registered_with_its_total_as_the_sum_of_its_items_including_discounts() {
        var account = newAccount();
        var body = invoice(account.accountId(), "F-1001", TODAY.minusDays(10), TODAY.plusDays(5),
                List.of(item("LINK-A", "1500.00"), item("LINK-A", "-200.50"), item("LINK-B", "956.19")));
        body.put("issuerCnpj", "11.222.333/0001-81");
        ingest("/api/ingest/invoices", body).expectStatus().isCreated()
                .expectBody().jsonPath("$.number").isEqualTo("F-1001");

        var d = awaitInvoice(account.accountId(), "F-1001");
        assertThat(d.totalAmount()).isEqualByComparingTo("2255.69");
        assertThat(d.amountDue()).isEqualByComparingTo("2255.69");
        assertThat(d.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(d.statusLabel()).isEqualTo("A vencer");
        assertThat(d.daysUntilDue()).isEqualTo(5);
        assertThat(d.daysOverdue()).isNull();
        assertThat(d.issuerCnpj()).isEqualTo("11222333000181");
        assertThat(d.services()).extracting(s -> s.designation() + "=" + s.amount().toPlainString())
                .containsExactly("LINK-A=1299.50", "LINK-B=956.19");
    }

    @Test
    void an_identical_resend_answers_200_with_the_original_result_and_records_nothing() {
        var account = newAccount();
        var body = invoice(account.accountId(), "F-2001", TODAY.plusDays(3), "100.00");
        ingest("/api/ingest/invoices", body).expectStatus().isCreated();
        String id = account.accountId() + ":F-2001";
        long events = eventCount(id);

        ingest("/api/ingest/invoices", body).expectStatus().isOk().expectBody().jsonPath("$.number").isEqualTo("F-2001");
        // the same amount written with another scale is the same amount
        var items = List.of(item("LINK-F-2001", "100.0"));
        var rewritten = new HashMap<>(body);
        rewritten.put("items", items);
        ingest("/api/ingest/invoices", rewritten).expectStatus().isOk();
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void a_different_payload_for_an_existing_invoice_number_is_a_conflict() {
        var account = newAccount();
        ingest("/api/ingest/invoices", invoice(account.accountId(), "F-3001", TODAY.plusDays(3), "100.00")).expectStatus().isCreated();
        ingest("/api/ingest/invoices", invoice(account.accountId(), "F-3001", TODAY.plusDays(3), "100.01"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.detail").value(d -> assertThat((String) d).contains("F-3001"));
        assertThat(awaitInvoice(account.accountId(), "F-3001").totalAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void the_same_invoice_number_in_two_accounts_is_two_invoices() {
        var first = newAccount();
        var second = newAccount();
        registerInvoice(first.accountId(), "F-SHARED", TODAY.plusDays(3), "10.00");
        registerInvoice(second.accountId(), "F-SHARED", TODAY.plusDays(3), "20.00");
        assertThat(awaitInvoice(first.accountId(), "F-SHARED").totalAmount()).isEqualByComparingTo("10.00");
        assertThat(awaitInvoice(second.accountId(), "F-SHARED").totalAmount()).isEqualByComparingTo("20.00");
    }

    @Test
    void an_invoice_for_an_unknown_account_is_404() {
        ingest("/api/ingest/invoices", invoice("no-such-account", "F-1", TODAY.plusDays(3), "10.00"))
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void invalid_invoices_are_400_with_field_errors_and_change_nothing() {
        var account = newAccount();
        String acc = account.accountId();
        expect400(invoice(acc, "F-X", TODAY, TODAY.minusDays(1), List.of(item("L", "10.00"))), "dueDate");
        expect400(invoice(acc, "F-X", TODAY, TODAY, List.of()), "items");
        expect400(invoice(acc, "F-X", TODAY, TODAY, List.of(item("L", "10.00"), item("L", "-10.00"))), "items");
        expect400(invoice(acc, "F-X", TODAY, TODAY, List.of(item("L", "10.001"))), "items[0].amount");
        var badDate = invoice(acc, "F-X", TODAY, TODAY, List.of(item("L", "10.00")));
        badDate.put("issueDate", "10/03/2026");
        expect400(badDate, "issueDate");
        var badCnpj = invoice(acc, "F-X", TODAY, TODAY, List.of(item("L", "10.00")));
        badCnpj.put("issuerCnpj", "11222333000182");
        expect400(badCnpj, "issuerCnpj");
        var noNumber = invoice(acc, "F-X", TODAY, TODAY, List.of(item("L", "10.00")));
        noNumber.remove("number");
        expect400(noNumber, "number");
        assertThat(eventCount(acc + ":F-X")).isZero();
        // a due date equal to the issue date is fine
        ingest("/api/ingest/invoices", invoice(acc, "F-X", TODAY, TODAY, List.of(item("L", "10.00")))).expectStatus().isCreated();
    }

    private void expect400(Map<String, Object> body, String field) {
        ingest("/api/ingest/invoices", body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).contains(field));
    }

    @Test
    void payments_reduce_the_amount_due_and_the_one_that_reaches_zero_makes_the_invoice_paid() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-P1", TODAY.plusDays(10), "100.00");
        ingest("/api/ingest/payments", payment(acc, "F-P1", "30.00", TODAY.minusDays(1))).expectStatus().isCreated();
        assertThat(awaitInvoice(acc, "F-P1", d -> d.amountDue().compareTo(new BigDecimal("70.00")) == 0).status())
                .isEqualTo(InvoiceStatus.OPEN);

        ingest("/api/ingest/payments", payment(acc, "F-P1", "70.01", TODAY)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        ingest("/api/ingest/payments", payment(acc, "F-P1", "70.00", TODAY)).expectStatus().isCreated();
        var paid = awaitInvoice(acc, "F-P1", d -> d.status() == InvoiceStatus.PAID);
        assertThat(paid.statusLabel()).isEqualTo("Paga");
        assertThat(paid.amountDue()).isEqualByComparingTo("0");
        assertThat(paid.paid().paidOn()).isEqualTo(TODAY);
        assertThat(paid.paid().amountPaid()).isEqualByComparingTo("100.00");
        assertThat(paid.daysOverdue()).isNull();
        assertThat(paid.daysUntilDue()).isNull();

        ingest("/api/ingest/payments", payment(acc, "F-P1", "0.01", TODAY)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_resent_payment_is_recognised_by_its_natural_key() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-P2", TODAY.plusDays(10), "100.00");
        String id = acc + ":F-P2";
        var noId = payment(acc, "F-P2", "10.00", TODAY);
        ingest("/api/ingest/payments", noId).expectStatus().isCreated();
        long events = eventCount(id);
        ingest("/api/ingest/payments", noId).expectStatus().isOk().expectBody().jsonPath("$.invoiceNumber").isEqualTo("F-P2");
        assertThat(eventCount(id)).isEqualTo(events);

        var withId = payment(acc, "F-P2", "10.00", TODAY);
        withId.put("paymentId", "PG-1");
        ingest("/api/ingest/payments", withId).expectStatus().isCreated(); // another payment: it has its own id
        ingest("/api/ingest/payments", withId).expectStatus().isOk();
        var conflicting = payment(acc, "F-P2", "11.00", TODAY);
        conflicting.put("paymentId", "PG-1");
        ingest("/api/ingest/payments", conflicting).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(awaitInvoice(acc, "F-P2", d -> d.amountDue().compareTo(new BigDecimal("80.00")) == 0)).isNotNull();
    }

    @Test
    void invalid_or_unknown_payments_are_refused() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-P3", TODAY.plusDays(10), "100.00");
        ingest("/api/ingest/payments", payment(acc, "NOPE", "10.00", TODAY)).expectStatus().isNotFound();
        ingest("/api/ingest/payments", payment("no-such-account", "F-P3", "10.00", TODAY)).expectStatus().isNotFound();
        ingest("/api/ingest/payments", payment(acc, "F-P3", "10.123", TODAY)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        ingest("/api/ingest/payments", payment(acc, "F-P3", "0.00", TODAY)).expectStatus().isBadRequest();
        ingest("/api/ingest/payments", payment(acc, "F-P3", "-1.00", TODAY)).expectStatus().isBadRequest();
        assertThat(eventCount(acc + ":F-P3")).isEqualTo(1);
    }

    @Test
    void twenty_concurrent_payments_of_ten_on_a_hundred_due_let_exactly_ten_succeed() throws Exception {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-RACE", TODAY.plusDays(10), "100.00");
        var statuses = race(20, "/api/ingest/payments", i -> {
            var body = payment(acc, "F-RACE", "10.00", TODAY);
            body.put("paymentId", "PG-" + i);
            return body;
        });
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(10);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(10);
        var paid = awaitInvoice(acc, "F-RACE", d -> d.status() == InvoiceStatus.PAID);
        assertThat(paid.amountDue()).isEqualByComparingTo("0");
    }

    @Test
    void a_negotiation_of_overdue_invoices_makes_them_installment_and_settles_them_when_every_installment_is_paid() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-N1", TODAY.minusDays(40), "300.00");
        registerInvoice(acc, "F-N2", TODAY.minusDays(10), "200.00");
        ingest("/api/ingest/payments", payment(acc, "F-N2", "50.00", TODAY.minusDays(5))).expectStatus().isCreated();
        var body = negotiation(acc, "NEG-1", List.of("F-N1", "F-N2"), TODAY, List.of(
                installment(1, TODAY.plusDays(5), "230.00"), installment(2, TODAY.plusDays(35), "230.00")));
        ingest("/api/ingest/negotiations", body).expectStatus().isCreated().expectBody().jsonPath("$.negotiationId").isEqualTo("NEG-1");
        ingest("/api/ingest/negotiations", body).expectStatus().isOk();

        var n1 = awaitInvoice(acc, "F-N1", d -> d.status() == InvoiceStatus.INSTALLMENT && d.negotiation() != null);
        assertThat(n1.statusLabel()).isEqualTo("Parcelada");
        var negotiation = n1.negotiation();
        assertThat(negotiation.negotiationId()).isEqualTo("NEG-1");
        assertThat(negotiation.agreedOn()).isEqualTo(TODAY);
        assertThat(negotiation.installmentCount()).isEqualTo(2);
        assertThat(negotiation.negotiatedInvoices()).extracting(i -> i.number() + ":" + i.totalAmount().toPlainString() + ":" + i.amountDue().toPlainString())
                .containsExactly("F-N1:300.00:300.00", "F-N2:200.00:150.00");
        assertThat(negotiation.installments()).extracting(i -> i.status()).containsOnly(InstallmentStatus.OPEN);

        // paying an INSTALLMENT invoice directly is refused
        ingest("/api/ingest/payments", payment(acc, "F-N1", "10.00", TODAY)).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-1", 1, "229.99", TODAY)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-1", 1, "230.00", TODAY.plusDays(4))).expectStatus().isCreated();
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-1", 1, "230.00", TODAY.plusDays(4))).expectStatus().isOk();
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-1", 1, "230.00", TODAY.plusDays(5))).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-1", 3, "230.00", TODAY)).expectStatus().isNotFound();
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-X", 1, "230.00", TODAY)).expectStatus().isNotFound();

        var partly = awaitInvoice(acc, "F-N2", d -> d.negotiation() != null && d.negotiation().installments().get(0).paidOn() != null);
        assertThat(partly.status()).isEqualTo(InvoiceStatus.INSTALLMENT);
        assertThat(partly.negotiation().installments()).extracting(i -> i.status())
                .containsExactly(InstallmentStatus.PAID, InstallmentStatus.OPEN);

        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-1", 2, "230.00", TODAY.plusDays(33))).expectStatus().isCreated();
        for (String number : List.of("F-N1", "F-N2")) {
            var settled = awaitInvoice(acc, number, d -> d.status() == InvoiceStatus.PAID);
            assertThat(settled.amountDue()).isEqualByComparingTo("0");
            assertThat(settled.paid().paidOn()).isEqualTo(TODAY.plusDays(33));
        }
        assertThat(details(acc, "F-N2").paid().amountPaid()).isEqualByComparingTo("150.00");
        assertThat(details(acc, "F-N1").paid().amountPaid()).isEqualByComparingTo("300.00");
    }

    @Test
    void an_installment_shows_overdue_the_day_after_its_due_date() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-OV", TODAY.minusDays(3), "90.00");
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-OV", List.of("F-OV"), TODAY, List.of(
                installment(1, TODAY, "45.00"), installment(2, TODAY.plusDays(30), "45.00")))).expectStatus().isCreated();
        var open = awaitInvoice(acc, "F-OV", d -> d.negotiation() != null);
        assertThat(open.negotiation().installments()).extracting(i -> i.status()).containsExactly(InstallmentStatus.OPEN, InstallmentStatus.OPEN);
        clock.add(Period.ofDays(1));
        assertThat(details(acc, "F-OV").negotiation().installments()).extracting(i -> i.status())
                .containsExactly(InstallmentStatus.OVERDUE, InstallmentStatus.OPEN);
    }

    @Test
    void a_negotiation_is_refused_whole_when_one_invoice_is_not_pending_and_nothing_changes() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-A", TODAY.minusDays(30), "100.00");
        registerInvoice(acc, "F-B", TODAY, "100.00"); // due today: still OPEN
        registerInvoice(acc, "F-C", TODAY.minusDays(30), "100.00");
        ingest("/api/ingest/payments", payment(acc, "F-C", "100.00", TODAY.minusDays(1))).expectStatus().isCreated();
        var installments = List.of(installment(1, TODAY.plusDays(10), "100.00"));

        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-2", List.of("F-A", "F-B"), TODAY, installments))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("F-B"));
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-2", List.of("F-A", "F-C"), TODAY, installments))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-2", List.of("F-A", "F-NONE"), TODAY, installments))
                .expectStatus().isNotFound();
        assertThat(eventCount(acc + ":F-A")).isEqualTo(1);
        assertThat(eventCount(acc + ":negotiation:NEG-2")).isZero();

        // the next day F-B is PENDING and the same negotiation goes through
        clock.add(Period.ofDays(1));
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-2", List.of("F-A", "F-B"), TODAY.plusDays(1), installments))
                .expectStatus().isCreated();
        // an invoice cannot be negotiated twice; a different payload for the same negotiation id is a conflict
        registerInvoice(acc, "F-D", TODAY.minusDays(30), "100.00");
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-3", List.of("F-D", "F-A"), TODAY.plusDays(1), installments))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-2", List.of("F-D"), TODAY.plusDays(1), installments))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(eventCount(acc + ":F-D")).isEqualTo(1);
    }

    @Test
    void malformed_negotiations_are_400_before_any_state_is_read() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-M", TODAY.minusDays(30), "100.00");
        var late = negotiation(acc, "NEG-M", List.of("F-M"), TODAY.plusDays(11), List.of(installment(1, TODAY.plusDays(10), "100.00")));
        ingest("/api/ingest/negotiations", late).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("agreedOn");
        var notIncreasing = negotiation(acc, "NEG-M", List.of("F-M"), TODAY, List.of(
                installment(1, TODAY.plusDays(10), "50.00"), installment(2, TODAY.plusDays(10), "50.00")));
        ingest("/api/ingest/negotiations", notIncreasing).expectStatus().isBadRequest();
        var badNumbers = negotiation(acc, "NEG-M", List.of("F-M"), TODAY, List.of(
                installment(2, TODAY.plusDays(10), "50.00"), installment(1, TODAY.plusDays(20), "50.00")));
        ingest("/api/ingest/negotiations", badNumbers).expectStatus().isBadRequest();
        var zero = negotiation(acc, "NEG-M", List.of("F-M"), TODAY, List.of(installment(1, TODAY.plusDays(10), "0.00")));
        ingest("/api/ingest/negotiations", zero).expectStatus().isBadRequest();
        var decimals = negotiation(acc, "NEG-M", List.of("F-M"), TODAY, List.of(installment(1, TODAY.plusDays(10), "1.005")));
        ingest("/api/ingest/negotiations", decimals).expectStatus().isBadRequest();
        // validation comes before state: an unknown invoice in a malformed body is still a 400
        var unknownAndLate = negotiation(acc, "NEG-M", List.of("F-NOPE"), TODAY.plusDays(11), List.of(installment(1, TODAY.plusDays(10), "100.00")));
        ingest("/api/ingest/negotiations", unknownAndLate).expectStatus().isBadRequest();
        ingest("/api/ingest/negotiations", negotiation("unknown-acc", "NEG-M", List.of("F-M"), TODAY,
                List.of(installment(1, TODAY.plusDays(10), "100.00")))).expectStatus().isNotFound();
        assertThat(eventCount(acc + ":F-M")).isEqualTo(1);
    }

    @Test
    void two_concurrent_negotiations_of_the_same_invoice_let_one_win_and_never_leave_half_a_negotiation() throws Exception {
        var account = newAccount();
        String acc = account.accountId();
        for (String n : List.of("F-R1", "F-R2", "F-R3")) registerInvoice(acc, n, TODAY.minusDays(20), "100.00");
        var statuses = race(6, "/api/ingest/negotiations", i -> negotiation(acc, "NEG-R" + i,
                i % 2 == 0 ? List.of("F-R1", "F-R2") : List.of("F-R3", "F-R2"), TODAY,
                List.of(installment(1, TODAY.plusDays(10), "200.00"))));
        assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
        assertThat(Collections.frequency(statuses, 409)).isEqualTo(5);
        int winner = statuses.indexOf(201);
        var negotiated = winner % 2 == 0 ? List.of("F-R1", "F-R2") : List.of("F-R3", "F-R2");
        for (String n : List.of("F-R1", "F-R2", "F-R3")) {
            var d = awaitInvoice(acc, n, x -> !negotiated.contains(n) || x.status() == InvoiceStatus.INSTALLMENT);
            assertThat(d.status()).isEqualTo(negotiated.contains(n) ? InvoiceStatus.INSTALLMENT : InvoiceStatus.PENDING);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(eventCount(acc + ":negotiation:NEG-R" + i)).isEqualTo(i == winner ? 1 : 0);
        }
    }

    @Test
    void a_nota_fiscal_is_attached_once_and_its_xml_is_kept_byte_for_byte() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-NF", TODAY.plusDays(3), "1500.00");
        String key = accessKey("11222333000181", 4321);
        String xml = nfXml(key, 4321);
        Map<String, Object> body = new HashMap<>(Map.of("accountId", acc, "invoiceNumber", "F-NF", "number", "4321",
                "series", "1", "accessKey", key, "issuedOn", "2026-03-01", "xml", xml));
        ingest("/api/ingest/notas-fiscais", body).expectStatus().isCreated();
        ingest("/api/ingest/notas-fiscais", body).expectStatus().isOk();
        var other = new HashMap<>(body);
        other.put("xml", xml.replace("1500.00", "1500.01"));
        ingest("/api/ingest/notas-fiscais", other).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        var wrongDigit = new HashMap<>(body);
        wrongDigit.put("accessKey", key.substring(0, 43) + ((key.charAt(43) - '0' + 1) % 10));
        ingest("/api/ingest/notas-fiscais", wrongDigit).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("accessKey");
        var notXml = new HashMap<>(body);
        notXml.put("xml", "<nfe><unclosed></nfe>");
        ingest("/api/ingest/notas-fiscais", notXml).expectStatus().isBadRequest();
        var unknown = new HashMap<>(body);
        unknown.put("invoiceNumber", "F-NOPE");
        ingest("/api/ingest/notas-fiscais", unknown).expectStatus().isNotFound();

        var acct = new AccountId(acc);
        NotaFiscalDocument nf = null;
        for (int i = 0; i < 100 && nf == null; i++) {
            nf = queries.query(new GetNotaFiscal(acct, InvoiceId.of(acct, "F-NF")), NotaFiscalDocument.class).join();
            if (nf == null) sleep(30);
        }
        assertThat(nf).isNotNull();
        assertThat(nf.xml().getBytes(StandardCharsets.UTF_8)).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(nf.accessKey()).isEqualTo(key);
    }
}
