package br.com.opera360.query.invoice;

import br.com.opera360.kernel.account.AccountRegistered;
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
import org.springframework.stereotype.Component;

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
        insert(InvoiceEvolution.invoice(null, e, seq));
    }

    @EventHandler
    void on(PaymentRecorded e, @SequenceNumber long seq) {
        change(InvoiceView.class, e.invoiceId(), e, seq, InvoiceEvolution::invoice);
    }

    @EventHandler
    void on(InvoiceNegotiated e, @SequenceNumber long seq) {
        change(InvoiceView.class, e.invoiceId(), e, seq, InvoiceEvolution::invoice);
    }

    @EventHandler
    void on(InvoiceSettled e, @SequenceNumber long seq) {
        change(InvoiceView.class, e.invoiceId(), e, seq, InvoiceEvolution::invoice);
    }

    @EventHandler
    void on(NotaFiscalAttached e, @SequenceNumber long seq) {
        insert(new NotaFiscalView(e.invoiceId(), e.accountId(), e.invoiceNumber(), e.number(), e.series(), e.accessKey(),
                e.issuedOn().toString(), e.xml(), seq));
    }

    @EventHandler
    void on(NegotiationAgreed e, @SequenceNumber long seq) {
        insert(InvoiceEvolution.negotiation(null, e, seq));
    }

    @EventHandler
    void on(InstallmentPaid e, @SequenceNumber long seq) {
        change(NegotiationView.class, e.negotiationId(), e, seq, InvoiceEvolution::negotiation);
    }

    @EventHandler
    void on(NegotiationSettled e, @SequenceNumber long seq) {
        change(NegotiationView.class, e.negotiationId(), e, seq, InvoiceEvolution::negotiation);
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

    /**
     * Applies the event to the stored view unless the view already has it (version guard): one processor thread
     * handles an aggregate's events in order, and the guarded replace makes a redelivery change nothing.
     */
    private <V> void change(Class<V> type, String id, Object event, long seq, InvoiceEvolution.Step<V> evolution) {
        V current = mongo.findOne(query(where("_id").is(id).and("version").lt(seq)), type);
        if (current == null) return;
        mongo.replace(query(where("_id").is(id).and("version").lt(seq)), evolution.apply(current, event, seq));
    }
}
