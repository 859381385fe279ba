package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.GetBoleto;
import br.com.opera360.kernel.invoice.GetInvoiceService;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceServiceDetails;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import br.com.opera360.kernel.negotiation.GetNegotiation;
import br.com.opera360.kernel.negotiation.NegotiationDetails;
import br.com.opera360.kernel.negotiation.NegotiationId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static br.com.opera360.testing.IngestBodies.payment;
import static br.com.opera360.testing.IngestBodies.negotiation;
import static br.com.opera360.testing.IngestBodies.installment;
import static org.assertj.core.api.Assertions.assertThat;

/** What the portal's invoice queries answer, read through the query handlers against the real embedded store. */
class InvoiceQueriesApiTest extends InvoiceApiSupport {

    private List<InvoiceStatusTotal> summary(String acc) {
        return queries.query(new GetInvoiceSummary(new AccountId(acc)), ResponseTypes.multipleInstancesOf(InvoiceStatusTotal.class)).join();
    }

    private InvoicePage find(String acc, Integer year, Integer month, Set<InvoiceStatus> statuses, LocalDate dueDate,
                             LocalDate from, LocalDate to, InvoiceSortField sort, boolean asc, int page, int size) {
        return queries.query(new FindInvoices(new AccountId(acc), year, month, statuses, dueDate, from, to, sort, asc,
                new PageRequest(page, size)), InvoicePage.class).join();
    }

    private static List<String> numbers(InvoicePage page) {
        return page.items().stream().map(InvoiceListItem::number).toList();
    }

    private void awaitCount(String acc, int n) {
        var deadline = java.time.Instant.now().plus(Duration.ofSeconds(5));
        while (list(acc, Set.of(), InvoiceSortField.DUE_DATE, false, 0, 500).totalItems() < n) {
            if (java.time.Instant.now().isAfter(deadline)) throw new AssertionError("invoices never visible");
            sleep(30);
        }
    }

    @Test
    void an_unpaid_invoice_is_open_through_its_due_date_and_pending_from_the_next_day_everywhere_at_once() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-CAL", TODAY, "100.00");
        var open = awaitInvoice(acc, "F-CAL");
        assertThat(open.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(open.daysUntilDue()).isZero();
        assertThat(open.open().dueDate()).isEqualTo(TODAY);
        assertThat(numbers(list(acc, Set.of(InvoiceStatus.OPEN), InvoiceSortField.DUE_DATE, false, 0, 20))).containsExactly("F-CAL");
        assertThat(summary(acc)).filteredOn(t -> t.status() == InvoiceStatus.OPEN).singleElement()
                .satisfies(t -> assertThat(t.count()).isEqualTo(1));

        // 00:00:01 the next day in São Paulo, with no new input
        clock.setInstant(TODAY.plusDays(1).atStartOfDay(SAO_PAULO).plusSeconds(1).toInstant());
        var pending = details(acc, "F-CAL");
        assertThat(pending.status()).isEqualTo(InvoiceStatus.PENDING);
        assertThat(pending.statusLabel()).isEqualTo("Pendente");
        assertThat(pending.daysOverdue()).isEqualTo(1);
        assertThat(pending.daysUntilDue()).isNull();
        assertThat(pending.pending().amountDue()).isEqualByComparingTo("100.00");
        assertThat(numbers(list(acc, Set.of(InvoiceStatus.OPEN), InvoiceSortField.DUE_DATE, false, 0, 20))).isEmpty();
        var pendingRows = list(acc, Set.of(InvoiceStatus.PENDING), InvoiceSortField.DUE_DATE, false, 0, 20);
        assertThat(numbers(pendingRows)).containsExactly("F-CAL");
        assertThat(pendingRows.items().get(0).daysOverdue()).isEqualTo(1);
        var totals = summary(acc).stream().collect(Collectors.toMap(InvoiceStatusTotal::status, t -> t));
        assertThat(totals.get(InvoiceStatus.OPEN).count()).isZero();
        assertThat(totals.get(InvoiceStatus.PENDING).count()).isEqualTo(1);
        assertThat(totals.get(InvoiceStatus.PENDING).amountDue()).isEqualByComparingTo("100.00");
    }

    @Test
    void the_summary_has_every_status_with_count_amount_and_amount_due() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "S-OPEN", TODAY.plusDays(5), "10.00");
        registerInvoice(acc, "S-OPEN2", TODAY.plusDays(6), "20.00");
        ingest("/api/ingest/payments", payment(acc, "S-OPEN2", "5.00", TODAY)).expectStatus().isCreated();
        registerInvoice(acc, "S-PEND", TODAY.minusDays(5), "40.00");
        registerInvoice(acc, "S-NEG", TODAY.minusDays(50), "80.00");
        registerInvoice(acc, "S-PAID", TODAY.minusDays(50), "160.00");
        ingest("/api/ingest/payments", payment(acc, "S-PAID", "160.00", TODAY.minusDays(49))).expectStatus().isCreated();
        ingest("/api/ingest/negotiations", negotiation(acc, "S-N", List.of("S-NEG"), TODAY, List.of(installment(1, TODAY.plusDays(3), "90.00"))))
                .expectStatus().isCreated();
        awaitInvoice(acc, "S-NEG", d -> d.status() == InvoiceStatus.INSTALLMENT);
        awaitInvoice(acc, "S-PAID", d -> d.status() == InvoiceStatus.PAID);
        awaitInvoice(acc, "S-OPEN2", d -> d.amountDue().compareTo(new BigDecimal("15.00")) == 0);
        var totals = summary(acc);
        assertThat(totals).extracting(t -> t.status() + ":" + t.count() + ":" + t.amount().toPlainString() + ":" + t.amountDue().toPlainString())
                .containsExactly("OPEN:2:30.00:25.00", "PENDING:1:40.00:40.00", "INSTALLMENT:1:80.00:80.00", "PAID:1:160.00:0.00");
    }

    @Test
    void filters_sorting_and_pagination_agree_and_count_exactly() {
        var account = newAccount();
        String acc = account.accountId();
        // 25 invoices: issued over 2025-12..2026-02, due every 3 days around today, amounts differ
        for (int i = 0; i < 25; i++) {
            LocalDate issue = LocalDate.of(2025, 12, 1).plusDays(i * 3L);
            LocalDate due = TODAY.minusDays(36).plusDays(i * 3L);
            ingest("/api/ingest/invoices", invoice(acc, String.format("L-%02d", i), issue, due,
                    List.of(item("LINK", (100 + (i * 37) % 50) + ".00")))).expectStatus().isCreated();
        }
        awaitCount(acc, 25);

        var first = find(acc, null, null, Set.of(), null, null, null, InvoiceSortField.DUE_DATE, false, 0, 10);
        assertThat(first.totalItems()).isEqualTo(25);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(10);
        assertThat(numbers(first)).first().isEqualTo("L-24");
        var last = find(acc, null, null, Set.of(), null, null, null, InvoiceSortField.DUE_DATE, false, 2, 10);
        assertThat(numbers(last)).hasSize(5).last().isEqualTo("L-00");
        var beyond = find(acc, null, null, Set.of(), null, null, null, InvoiceSortField.DUE_DATE, false, 5, 10);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(25);

        // pages never overlap or skip, in every sort
        for (var sort : InvoiceSortField.values()) {
            for (boolean asc : new boolean[]{true, false}) {
                var seen = new java.util.ArrayList<InvoiceListItem>();
                for (int p = 0; p < 4; p++) seen.addAll(find(acc, null, null, Set.of(), null, null, null, sort, asc, p, 7).items());
                assertThat(seen).extracting(InvoiceListItem::number).doesNotHaveDuplicates().hasSize(25);
                var key = switch (sort) {
                    case DUE_DATE -> java.util.Comparator.comparing(InvoiceListItem::dueDate);
                    case ISSUE_DATE -> java.util.Comparator.comparing(InvoiceListItem::issueDate);
                    case TOTAL_AMOUNT -> java.util.Comparator.comparing(InvoiceListItem::totalAmount);
                };
                assertThat(seen).isSortedAccordingTo(asc ? key : key.reversed());
            }
        }

        // status filter (repeatable) = dueDate against today
        var pending = find(acc, null, null, Set.of(InvoiceStatus.PENDING), null, null, null, InvoiceSortField.DUE_DATE, true, 0, 500);
        assertThat(pending.items()).allSatisfy(i -> {
            assertThat(i.dueDate()).isBefore(TODAY);
            assertThat(i.daysOverdue()).isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(i.dueDate(), TODAY));
        });
        var open = find(acc, null, null, Set.of(InvoiceStatus.OPEN), null, null, null, InvoiceSortField.DUE_DATE, true, 0, 500);
        assertThat(open.items()).allSatisfy(i -> assertThat(i.dueDate()).isAfterOrEqualTo(TODAY));
        assertThat(pending.totalItems() + open.totalItems()).isEqualTo(25);
        var both = find(acc, null, null, EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PENDING), null, null, null, InvoiceSortField.DUE_DATE, true, 0, 5);
        assertThat(both.totalItems()).isEqualTo(25);
        var totals = summary(acc).stream().collect(Collectors.toMap(InvoiceStatusTotal::status, InvoiceStatusTotal::count));
        assertThat(totals).containsEntry(InvoiceStatus.OPEN, open.totalItems()).containsEntry(InvoiceStatus.PENDING, pending.totalItems());

        // year/month of issueDate; exact due date; inclusive due range
        var january = find(acc, 2026, 1, Set.of(), null, null, null, InvoiceSortField.ISSUE_DATE, true, 0, 500);
        assertThat(january.items()).isNotEmpty().allSatisfy(i -> assertThat(i.issueDate()).hasYear(2026).hasMonthValue(1));
        assertThat(find(acc, 2025, null, Set.of(), null, null, null, InvoiceSortField.ISSUE_DATE, true, 0, 500).items())
                .allSatisfy(i -> assertThat(i.issueDate()).hasYear(2025));
        LocalDate someDue = TODAY.minusDays(36).plusDays(9);
        assertThat(numbers(find(acc, null, null, Set.of(), someDue, null, null, InvoiceSortField.DUE_DATE, true, 0, 500))).containsExactly("L-03");
        assertThat(numbers(find(acc, null, null, Set.of(), null, someDue, someDue.plusDays(6), InvoiceSortField.DUE_DATE, true, 0, 500)))
                .containsExactly("L-03", "L-04", "L-05");
    }

    @Test
    void another_accounts_invoices_are_never_seen() {
        var mine = newAccount();
        var theirs = newAccount();
        registerInvoice(theirs.accountId(), "T-1", TODAY.plusDays(1), "10.00");
        awaitInvoice(theirs.accountId(), "T-1");
        assertThat(details(mine.accountId(), "T-1")).isNull();
        assertThat(list(mine.accountId(), Set.of(), InvoiceSortField.DUE_DATE, false, 0, 20).totalItems()).isZero();
        var acct = new AccountId(mine.accountId());
        assertThat(queries.query(new GetBoleto(acct, new InvoiceId(theirs.accountId() + ":T-1")), BoletoDetails.class).join()).isNull();
    }

    @Test
    void the_boleto_uses_the_due_date_and_current_amount_due_with_issuer_and_customer_account() {
        var account = newAccount();
        String acc = account.accountId();
        var body = invoice(acc, "123456", TODAY.minusDays(20), TODAY.plusDays(5), List.of(item("LINK", "2300.00")));
        body.put("issuerCnpj", "11222333000181");
        ingest("/api/ingest/invoices", body).expectStatus().isCreated();
        ingest("/api/ingest/payments", payment(acc, "123456", "44.31", TODAY)).expectStatus().isCreated();
        awaitInvoice(acc, "123456", d -> d.amountDue().compareTo(new BigDecimal("2255.69")) == 0);
        var acct = new AccountId(acc);
        var boleto = queries.query(new GetBoleto(acct, InvoiceId.of(acct, "123456")), BoletoDetails.class).join();
        assertThat(boleto.payable()).isTrue();
        assertThat(boleto.bankCode()).isEqualTo("001");
        assertThat(boleto.amount()).isEqualByComparingTo("2255.69");
        assertThat(boleto.dueDate()).isEqualTo(TODAY.plusDays(5));
        assertThat(boleto.barcode()).hasSize(44).startsWith("0019");
        assertThat(boleto.barcode().substring(9, 19)).isEqualTo("0000225569");
        assertThat(boleto.digitableLine()).hasSize(47).startsWith("00190");
        assertThat(boleto.beneficiary()).isEqualTo(new BoletoDetails.Party("M2M Telecomunicações S.A.", "11222333000181"));
        assertThat(boleto.payer()).isEqualTo(new BoletoDetails.Party("Cliente " + account.cnpj(), account.cnpj()));
        assertThat(boleto.ourNumber()).hasSize(17).endsWith("0000123456");

        ingest("/api/ingest/payments", payment(acc, "123456", "2255.69", TODAY)).expectStatus().isCreated();
        awaitInvoice(acc, "123456", d -> d.status() == InvoiceStatus.PAID);
        assertThat(queries.query(new GetBoleto(acct, InvoiceId.of(acct, "123456")), BoletoDetails.class).join().payable()).isFalse();
    }

    @Test
    void a_service_shows_its_items_and_a_negotiation_is_read_by_its_id() {
        var account = newAccount();
        String acc = account.accountId();
        ingest("/api/ingest/invoices", invoice(acc, "F-SV", TODAY.minusDays(40), TODAY.minusDays(10),
                List.of(item("LINK-A", "100.00"), item("LINK-A", "-10.00"), item("LINK-B", "50.00")))).expectStatus().isCreated();
        awaitInvoice(acc, "F-SV");
        var acct = new AccountId(acc);
        var service = queries.query(new GetInvoiceService(acct, InvoiceId.of(acct, "F-SV"), "LINK-A"), InvoiceServiceDetails.class).join();
        assertThat(service.amount()).isEqualByComparingTo("90.00");
        assertThat(service.items()).extracting(i -> i.amount().toPlainString()).containsExactly("100.00", "-10.00");
        assertThat(queries.query(new GetInvoiceService(acct, InvoiceId.of(acct, "F-SV"), "LINK-Z"), InvoiceServiceDetails.class).join()).isNull();

        ingest("/api/ingest/negotiations", negotiation(acc, "N-SV", List.of("F-SV"), TODAY, List.of(
                installment(1, TODAY.plusDays(1), "70.00"), installment(2, TODAY.plusDays(31), "70.00")))).expectStatus().isCreated();
        awaitInvoice(acc, "F-SV", d -> d.status() == InvoiceStatus.INSTALLMENT);
        var negotiation = queries.query(new GetNegotiation(acct, NegotiationId.of(acct, "N-SV")), NegotiationDetails.class).join();
        assertThat(negotiation.negotiationId()).isEqualTo("N-SV");
        assertThat(negotiation.installmentCount()).isEqualTo(2);
        assertThat(negotiation.negotiatedInvoices()).singleElement().satisfies(i -> {
            assertThat(i.number()).isEqualTo("F-SV");
            assertThat(i.amountDue()).isEqualByComparingTo("140.00");
        });
        var other = newAccount();
        var otherAcct = new AccountId(other.accountId());
        assertThat(queries.query(new GetNegotiation(otherAcct, NegotiationId.of(otherAcct, "N-SV")), NegotiationDetails.class).join()).isNull();
    }

    @Test
    void a_redelivered_event_changes_nothing() throws Exception {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "F-IDEM", TODAY.plusDays(3), "100.00");
        ingest("/api/ingest/payments", payment(acc, "F-IDEM", "40.00", TODAY)).expectStatus().isCreated();
        awaitInvoice(acc, "F-IDEM", d -> d.amountDue().compareTo(new BigDecimal("60.00")) == 0);
        // replay the invoice's events from the store through the projection's handlers a second time
        var events = eventStore.readEvents(acc + ":F-IDEM").asStream().toList();
        assertThat(events).hasSize(2);
        var projection = new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(context.getBean("invoiceProjection"));
        for (var event : events) projection.handle(event);
        var d = details(acc, "F-IDEM");
        assertThat(d.amountDue()).isEqualByComparingTo("60.00");
        assertThat(d.totalAmount()).isEqualByComparingTo("100.00");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
}
