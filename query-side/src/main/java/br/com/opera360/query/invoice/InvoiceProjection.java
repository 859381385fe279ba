package br.com.opera360.query.invoice;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceNegotiated;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.InvoiceSettled;
import br.com.opera360.kernel.invoice.NotaFiscalAttached;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.kernel.negotiation.InstallmentPaid;
import br.com.opera360.kernel.negotiation.NegotiationAgreed;
import br.com.opera360.kernel.negotiation.NegotiationSettled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Invoices, their negotiations, Notas Fiscais and payers. Idempotent: creations insert with {@code version = seq} and
 * ignore a duplicate; changes apply only to a document whose version is below the event's sequence, and set values
 * (never increment), so a redelivered event changes nothing. One processing group, so that a negotiation is in its
 * view before its invoices show INSTALLMENT.
 */
@Component
@ProcessingGroup("invoice")
class InvoiceProjection {
    private final MongoTemplate mongo;

    InvoiceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountRegistered e, @SequenceNumber long seq) {
        insert(new PayerView(e.accountId(), e.companyName(), e.cnpj(), seq));
    }

    @EventHandler
    void on(InvoiceRegistered e, @SequenceNumber long seq) {
        insert(new InvoiceView(e.invoiceId(), e.accountId(), e.number(), e.issueDate().toString(), e.dueDate().toString(),
                cents(e.totalAmount()), cents(e.totalAmount()), e.issuer(), e.issuerCnpj(), InvoiceView.UNPAID, null, null,
                null, e.items().stream().map(i -> new InvoiceView.Line(i.designation(), i.serviceType(), i.description(),
                        cents(i.amount()), iso(i.periodStart()), iso(i.periodEnd()))).toList(), seq));
    }

    @EventHandler
    void on(PaymentRecorded e, @SequenceNumber long seq) {
        long due = cents(e.amountDue());
        var update = new Update().set("amountDueCents", due);
        if (due == 0) update.set("state", InvoiceView.PAID).set("paidOn", e.paidOn().toString());
        change(InvoiceView.class, e.invoiceId(), seq, update);
    }

    @EventHandler
    void on(InvoiceNegotiated e, @SequenceNumber long seq) {
        change(InvoiceView.class, e.invoiceId(), seq, new Update().set("state", InvoiceView.INSTALLMENT)
                .set("negotiationId", e.negotiationId()).set("amountDueCents", cents(e.amountDue())));
    }

    @EventHandler
    void on(InvoiceSettled e, @SequenceNumber long seq) {
        change(InvoiceView.class, e.invoiceId(), seq, new Update().set("state", InvoiceView.PAID)
                .set("paidOn", e.paidOn().toString()).set("amountDueCents", 0L).set("amountPaidCents", cents(e.amountPaid())));
    }

    @EventHandler
    void on(NotaFiscalAttached e, @SequenceNumber long seq) {
        insert(new NotaFiscalView(e.invoiceId(), e.accountId(), e.invoiceNumber(), e.number(), e.series(), e.accessKey(),
                e.issuedOn().toString(), e.xml(), seq));
    }

    @EventHandler
    void on(NegotiationAgreed e, @SequenceNumber long seq) {
        insert(new NegotiationView(e.negotiationId(), e.accountId(), e.reference(), e.agreedOn().toString(),
                e.invoices().stream().map(i -> new NegotiationView.Invoice(i.invoiceId(), i.number(), i.dueDate().toString(),
                        cents(i.totalAmount()), cents(i.amountDue()))).toList(),
                e.installments().stream().map(i -> new NegotiationView.Installment(i.number(), i.dueDate().toString(),
                        cents(i.amount()))).toList(), new HashMap<>(), null, seq));
    }

    @EventHandler
    void on(InstallmentPaid e, @SequenceNumber long seq) {
        change(NegotiationView.class, e.negotiationId(), seq,
                new Update().set("payments." + e.installmentNumber(), e.paidOn().toString()));
    }

    @EventHandler
    void on(NegotiationSettled e, @SequenceNumber long seq) {
        change(NegotiationView.class, e.negotiationId(), seq, new Update().set("settledOn", e.paidOn().toString()));
    }

    @ResetHandler
    void reset() {
        for (Class<?> view : new Class<?>[]{InvoiceView.class, NegotiationView.class, NotaFiscalView.class, PayerView.class}) {
            mongo.remove(new Query(), view);
        }
    }

    private void insert(Object view) {
        try {
            mongo.insert(view);
        } catch (DuplicateKeyException redelivered) {
            // the creation event was already projected: nothing to do
        }
    }

    private void change(Class<?> view, String id, long seq, Update update) {
        mongo.updateFirst(query(where("_id").is(id).and("version").lt(seq)), update.set("version", seq), view);
    }

    static long cents(BigDecimal amount) {
        return Money.of(amount).cents();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
