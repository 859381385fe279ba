package br.com.opera360.command.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.AttachNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItem;
import br.com.opera360.kernel.invoice.InvoiceNegotiated;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.NfAccessKey;
import br.com.opera360.kernel.invoice.NotaFiscalAttached;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.kernel.invoice.RecordPayment;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

class InvoiceTest {
    static final AccountId ACCOUNT = new AccountId("acme");
    static final InvoiceId ID = InvoiceId.of(ACCOUNT, "F-1");
    static final LocalDate ISSUED = LocalDate.of(2026, 2, 20);
    static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    private final FixtureConfiguration<Invoice> fixture = new AggregateTestFixture<>(Invoice.class);
    private final Set<String> knownAccounts = new java.util.HashSet<>(Set.of("acme"));

    @BeforeEach
    void setUp() {
        fixture.registerAnnotatedCommandHandler(new InvoiceRegistrar(fixture.getRepository(), knownAccounts::contains));
    }

    static RegisterInvoice register(String... amounts) {
        List<InvoiceItem> items = java.util.Arrays.stream(amounts)
                .map(a -> new InvoiceItem("LINK-1", "Link Dedicado", "Mensalidade", Money.of(a), null, null)).toList();
        return new RegisterInvoice(ID, ACCOUNT, "F-1", ISSUED, DUE, "M2M", null, items);
    }

    static InvoiceRegistered registered(String total) {
        return new InvoiceRegistered(ID.value(), ACCOUNT.value(), "F-1", ISSUED, DUE, "M2M", null,
                List.of(new InvoiceRegistered.Item("LINK-1", "Link Dedicado", "Mensalidade", new BigDecimal(total), null, null)),
                new BigDecimal(total));
    }

    @Test
    void an_invoice_is_registered_with_the_sum_of_its_items() {
        fixture.givenNoPriorActivity()
               .when(register("150.00", "-50.00"))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(Ingested.CREATED)
               .expectEvents(new InvoiceRegistered(ID.value(), ACCOUNT.value(), "F-1", ISSUED, DUE, "M2M", null, List.of(
                       new InvoiceRegistered.Item("LINK-1", "Link Dedicado", "Mensalidade", new BigDecimal("150.00"), null, null),
                       new InvoiceRegistered.Item("LINK-1", "Link Dedicado", "Mensalidade", new BigDecimal("-50.00"), null, null)),
                       new BigDecimal("100.00")));
    }

    @Test
    void an_invoice_of_an_unknown_account_is_not_found() {
        knownAccounts.clear();
        fixture.givenNoPriorActivity().when(register("100.00")).expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void an_identical_resend_records_nothing_and_a_different_one_is_a_conflict() {
        fixture.given(registered("100.00")).when(register("100.00"))
               .expectNoEvents().expectResultMessagePayload(Ingested.DUPLICATE);
        fixture.given(registered("100.00")).when(register("100.01"))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_payment_reduces_the_amount_due() {
        fixture.given(registered("100.00"))
               .when(new RecordPayment(ID, ACCOUNT, null, Money.of("30.00"), DUE))
               .expectEvents(new PaymentRecorded(ID.value(), ACCOUNT.value(), "F-1", "amount:30.00@2026-03-10", null,
                       new BigDecimal("30.00"), DUE, new BigDecimal("70.00")));
    }

    @Test
    void a_payment_above_the_amount_due_is_refused() {
        fixture.given(registered("100.00"))
               .when(new RecordPayment(ID, ACCOUNT, null, Money.of("100.01"), DUE))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_paid_invoice_takes_no_more_payments_but_recognises_a_resent_one() {
        var last = new PaymentRecorded(ID.value(), ACCOUNT.value(), "F-1", "id:PG-1", "PG-1", new BigDecimal("100.00"), DUE, new BigDecimal("0.00"));
        fixture.given(registered("100.00"), last)
               .when(new RecordPayment(ID, ACCOUNT, "PG-2", Money.of("0.01"), DUE))
               .expectNoEvents().expectException(Rejected.class);
        fixture.given(registered("100.00"), last)
               .when(new RecordPayment(ID, ACCOUNT, "PG-1", Money.of("100.00"), DUE))
               .expectNoEvents().expectResultMessagePayload(Ingested.DUPLICATE);
        fixture.given(registered("100.00"), last)
               .when(new RecordPayment(ID, ACCOUNT, "PG-1", Money.of("100.00"), DUE.plusDays(1)))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_negotiated_invoice_refuses_direct_payments() {
        fixture.given(registered("100.00"), new InvoiceNegotiated(ID.value(), ACCOUNT.value(), "F-1", "acme:negotiation:N1", new BigDecimal("100.00")))
               .when(new RecordPayment(ID, ACCOUNT, null, Money.of("10.00"), DUE))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_nota_fiscal_is_attached_once() {
        String base = "3526031122233300018155001000004321100004321";
        var key = new NfAccessKey(base + NfAccessKey.checkDigit(base));
        var attach = new AttachNotaFiscal(ID, ACCOUNT, "4321", "1", key, DUE, "<nfe/>");
        var attached = new NotaFiscalAttached(ID.value(), ACCOUNT.value(), "F-1", "4321", "1", key.value(), DUE, "<nfe/>");
        fixture.given(registered("100.00")).when(attach).expectEvents(attached);
        fixture.given(registered("100.00"), attached).when(attach).expectNoEvents().expectResultMessagePayload(Ingested.DUPLICATE);
        fixture.given(registered("100.00"), attached)
               .when(new AttachNotaFiscal(ID, ACCOUNT, "4321", "1", key, DUE, "<nfe />"))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_payment_for_an_invoice_that_does_not_exist_is_not_found() {
        fixture.givenNoPriorActivity()
               .when(new RecordPayment(ID, ACCOUNT, null, Money.of("10.00"), DUE))
               .expectNoEvents()
               .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
