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
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
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
@ProcessingGroup(ProcessingGroups.INVOICE)
class InvoiceProjection {
    private final MongoTemplate mongo;
    private final BatchedInserts inserts;

    InvoiceProjection(MongoTemplate mongo, BatchedInserts inserts) {
        this.mongo = mongo;
        this.inserts = inserts;
    }

    @EventHandler
    void on(AccountRegistered e, @SequenceNumber long seq) {
        inserts.insert(new PayerView(e.accountId(), e.companyName(), e.cnpj(), seq));
    }

    @EventHandler
    void on(InvoiceRegistered e, @SequenceNumber long seq) {
        inserts.insert(InvoiceEvolution.invoice(null, e, seq));
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
        inserts.insert(new NotaFiscalView(e.invoiceId(), e.accountId(), e.invoiceNumber(), e.number(), e.series(), e.accessKey(),
                e.issuedOn().toString(), e.xml(), seq));
    }

    @EventHandler
    void on(NegotiationAgreed e, @SequenceNumber long seq) {
        inserts.insert(InvoiceEvolution.negotiation(null, e, seq));
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

    /**
     * Applies the event to the stored view unless the view already has it (version guard): an aggregate's events are
     * handled in order by one processor thread (the sequencing policy keeps an aggregate in one segment), so the view
     * read is the one replaced, and a redelivery changes nothing.
     */
    private <V> void change(Class<V> type, String id, Object event, long seq, InvoiceEvolution.Step<V> evolution) {
        inserts.flush(); // the view may have been created earlier in this batch
        V current = mongo.findById(id, type);
        if (current == null || versionOf(current) >= seq) return;
        mongo.replace(query(where("_id").is(id).and("version").lt(seq)), evolution.apply(current, event, seq));
    }

    private static long versionOf(Object view) {
        if (view instanceof InvoiceView v) return v.version();
        if (view instanceof NegotiationView v) return v.version();
        throw new IllegalArgumentException("not a versioned view: " + view.getClass());
    }
}
