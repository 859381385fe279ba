package br.com.opera360.command.negotiation;

import br.com.opera360.command.invoice.Invoice;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceNegotiated;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.InvoiceSettled;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.kernel.negotiation.InstallmentPaid;
import br.com.opera360.kernel.negotiation.Installment;
import br.com.opera360.kernel.negotiation.NegotiateInstallments;
import br.com.opera360.kernel.negotiation.NegotiationAgreed;
import br.com.opera360.kernel.negotiation.NegotiationId;
import br.com.opera360.kernel.negotiation.NegotiationSettled;
import br.com.opera360.kernel.negotiation.RecordInstallmentPayment;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negotiation desk works on the Negotiation (the fixture's aggregate) and on invoices, which live here in their
 * own in-memory event store: what the unit of work did to them is read back from that store.
 */
class NegotiationTest {
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final AccountId ACCOUNT = new AccountId("acme");
    static final NegotiationId ID = NegotiationId.of(ACCOUNT, "NEG-1");

    private final FixtureConfiguration<Negotiation> fixture = new AggregateTestFixture<>(Negotiation.class);
    private EmbeddedEventStore invoiceEvents;

    @BeforeEach
    void setUp() {
        invoiceEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        var invoices = EventSourcingRepository.builder(Invoice.class).eventStore(invoiceEvents).build();
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(SAO_PAULO).toInstant(), SAO_PAULO);
        fixture.registerInjectableResource(clock);
        fixture.registerAnnotatedCommandHandler(new NegotiationDesk(fixture.getRepository(), invoices, clock));
    }

    private void givenInvoice(String number, LocalDate due, String total, Object... later) {
        String id = InvoiceId.of(ACCOUNT, number).value();
        var events = new java.util.ArrayList<>();
        events.add(new InvoiceRegistered(id, ACCOUNT.value(), number, due.minusDays(20), due, "M2M", null,
                List.of(new InvoiceRegistered.Item("L", "Link", "Mensalidade", new BigDecimal(total), null, null)), new BigDecimal(total)));
        events.addAll(List.of(later));
        for (int i = 0; i < events.size(); i++) {
            invoiceEvents.publish(new GenericDomainEventMessage<>("Invoice", id, i, events.get(i)));
        }
    }

    private List<Object> invoiceEvents(String number) {
        return invoiceEvents.readEvents(InvoiceId.of(ACCOUNT, number).value()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    static NegotiateInstallments negotiate(List<String> invoices, String... amounts) {
        var installments = new java.util.ArrayList<Installment>();
        for (int i = 0; i < amounts.length; i++) installments.add(new Installment(i + 1, TODAY.plusMonths(i + 1), Money.of(amounts[i])));
        return new NegotiateInstallments(ID, ACCOUNT, "NEG-1", invoices, TODAY, installments);
    }

    static NegotiationAgreed agreed(List<NegotiationAgreed.NegotiatedInvoice> invoices, String... amounts) {
        var installments = new java.util.ArrayList<NegotiationAgreed.AgreedInstallment>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            installments.add(new NegotiationAgreed.AgreedInstallment(i + 1, TODAY.plusMonths(i + 1), new BigDecimal(amounts[i])));
            total = total.add(new BigDecimal(amounts[i]));
        }
        return new NegotiationAgreed(ID.value(), ACCOUNT.value(), "NEG-1", TODAY, invoices, installments, total);
    }

    static NegotiationAgreed.NegotiatedInvoice negotiated(String number, LocalDate due, String total, String due_) {
        return new NegotiationAgreed.NegotiatedInvoice(InvoiceId.of(ACCOUNT, number).value(), number, due, new BigDecimal(total), new BigDecimal(due_));
    }

    @Test
    void overdue_invoices_are_negotiated_together_with_the_amount_they_owed() {
        givenInvoice("F-1", TODAY.minusDays(1), "100.00");
        givenInvoice("F-2", TODAY.minusDays(40), "200.00", new PaymentRecorded(InvoiceId.of(ACCOUNT, "F-2").value(), ACCOUNT.value(),
                "F-2", "k", null, new BigDecimal("50.00"), TODAY.minusDays(30), new BigDecimal("150.00")));
        fixture.givenNoPriorActivity()
               .when(negotiate(List.of("F-2", "F-1"), "125.00", "125.00"))
               .expectResultMessagePayload(Ingested.CREATED)
               .expectEvents(agreed(List.of(negotiated("F-2", TODAY.minusDays(40), "200.00", "150.00"),
                       negotiated("F-1", TODAY.minusDays(1), "100.00", "100.00")), "125.00", "125.00"));
        assertThat(invoiceEvents("F-1")).last().isEqualTo(new InvoiceNegotiated(InvoiceId.of(ACCOUNT, "F-1").value(), "acme", "F-1", ID.value(), new BigDecimal("100.00")));
        assertThat(invoiceEvents("F-2")).last().isEqualTo(new InvoiceNegotiated(InvoiceId.of(ACCOUNT, "F-2").value(), "acme", "F-2", ID.value(), new BigDecimal("150.00")));
    }

    @Test
    void an_invoice_due_today_is_still_open_and_refuses_the_whole_negotiation() {
        givenInvoice("F-1", TODAY.minusDays(1), "100.00");
        givenInvoice("F-2", TODAY, "100.00");
        fixture.givenNoPriorActivity()
               .when(negotiate(List.of("F-1", "F-2"), "200.00"))
               .expectNoEvents().expectException(Rejected.class);
        assertThat(invoiceEvents("F-1")).hasSize(1);
    }

    @Test
    void an_invoice_already_negotiated_or_paid_or_unknown_refuses_the_negotiation() {
        givenInvoice("F-1", TODAY.minusDays(5), "100.00", new InvoiceNegotiated(InvoiceId.of(ACCOUNT, "F-1").value(), "acme", "F-1", "acme:negotiation:OTHER", new BigDecimal("100.00")));
        givenInvoice("F-2", TODAY.minusDays(5), "100.00", new PaymentRecorded(InvoiceId.of(ACCOUNT, "F-2").value(), "acme", "F-2", "k", null,
                new BigDecimal("100.00"), TODAY.minusDays(1), new BigDecimal("0.00")));
        givenInvoice("F-3", TODAY.minusDays(5), "100.00");
        for (var invoices : List.of(List.of("F-3", "F-1"), List.of("F-3", "F-2"), List.of("F-3", "F-404"))) {
            fixture.givenNoPriorActivity().when(negotiate(invoices, "100.00")).expectNoEvents().expectException(Rejected.class);
        }
        assertThat(invoiceEvents("F-3")).hasSize(1);
    }

    @Test
    void a_resent_negotiation_is_recognised_and_a_different_one_with_the_same_id_is_a_conflict() {
        givenInvoice("F-1", TODAY.minusDays(5), "100.00");
        var agreement = agreed(List.of(negotiated("F-1", TODAY.minusDays(5), "100.00", "100.00")), "110.00");
        fixture.given(agreement).when(negotiate(List.of("F-1"), "110.00")).expectNoEvents().expectResultMessagePayload(Ingested.DUPLICATE);
        fixture.given(agreement).when(negotiate(List.of("F-1"), "55.00", "55.00")).expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void an_installment_is_paid_once_with_its_exact_amount() {
        var agreement = agreed(List.of(negotiated("F-1", TODAY.minusDays(5), "100.00", "100.00")), "60.00", "60.00");
        var pay1 = new RecordInstallmentPayment(ID, ACCOUNT, 1, Money.of("60.00"), TODAY);
        fixture.given(agreement).when(pay1)
               .expectEvents(new InstallmentPaid(ID.value(), "acme", "NEG-1", 1, new BigDecimal("60.00"), TODAY));
        fixture.given(agreement).when(new RecordInstallmentPayment(ID, ACCOUNT, 1, Money.of("59.99"), TODAY))
               .expectNoEvents().expectException(Rejected.class);
        var paid = new InstallmentPaid(ID.value(), "acme", "NEG-1", 1, new BigDecimal("60.00"), TODAY);
        fixture.given(agreement, paid).when(pay1).expectNoEvents().expectResultMessagePayload(Ingested.DUPLICATE);
        fixture.given(agreement, paid).when(new RecordInstallmentPayment(ID, ACCOUNT, 1, Money.of("60.00"), TODAY.plusDays(1)))
               .expectNoEvents().expectException(Rejected.class);
        fixture.given(agreement).when(new RecordInstallmentPayment(ID, ACCOUNT, 3, Money.of("60.00"), TODAY))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void the_last_installment_settles_the_negotiation_and_pays_its_invoices() {
        String f1 = InvoiceId.of(ACCOUNT, "F-1").value();
        givenInvoice("F-1", TODAY.minusDays(5), "100.00", new InvoiceNegotiated(f1, "acme", "F-1", ID.value(), new BigDecimal("80.00")));
        var agreement = agreed(List.of(negotiated("F-1", TODAY.minusDays(5), "100.00", "80.00")), "45.00", "45.00");
        var first = new InstallmentPaid(ID.value(), "acme", "NEG-1", 1, new BigDecimal("45.00"), TODAY.plusDays(20));
        fixture.given(agreement, first)
               .when(new RecordInstallmentPayment(ID, ACCOUNT, 2, Money.of("45.00"), TODAY.plusDays(50)))
               .expectEvents(new InstallmentPaid(ID.value(), "acme", "NEG-1", 2, new BigDecimal("45.00"), TODAY.plusDays(50)),
                       new NegotiationSettled(ID.value(), "acme", "NEG-1", TODAY.plusDays(50), List.of(f1)));
        assertThat(invoiceEvents("F-1")).last().isEqualTo(new InvoiceSettled(f1, "acme", "F-1", ID.value(), TODAY.plusDays(50), new BigDecimal("80.00")));
    }

    @Test
    void shape_rules_are_checked_before_any_state() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new NegotiateInstallments(ID, ACCOUNT, "NEG-1",
                List.of("F-1"), TODAY.plusMonths(2), List.of(new Installment(1, TODAY.plusMonths(1), Money.of("10.00")))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new NegotiateInstallments(ID, ACCOUNT, "NEG-1",
                List.of("F-1"), TODAY, List.of(new Installment(1, TODAY.plusMonths(1), Money.of("10.00")), new Installment(2, TODAY.plusMonths(1), Money.of("10.00")))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new NegotiateInstallments(ID, ACCOUNT, "NEG-1",
                List.of("F-1"), TODAY, List.of(new Installment(2, TODAY.plusMonths(1), Money.of("10.00")))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Installment(1, TODAY, Money.of("0.00")));
    }
}
