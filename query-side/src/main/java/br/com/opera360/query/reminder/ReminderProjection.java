package br.com.opera360.query.reminder;

import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.common.ViewChanged;
import br.com.opera360.kernel.invoice.InvoiceNegotiated;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.InvoiceSettled;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.kernel.reminder.GetReminderSettings;
import br.com.opera360.kernel.reminder.ReminderSettingsChanged;
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reminder settings and the reminder schedule. Idempotent like every projection: entries are inserted with
 * {@code version = seq} (a duplicate is ignored) and changed only by a later sequence of the same aggregate.
 */
@Component
@ProcessingGroup(ProcessingGroups.REMINDER)
class ReminderProjection {
    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;
    private final BatchedInserts inserts;

    ReminderProjection(MongoTemplate mongo, QueryUpdateEmitter updates, BatchedInserts inserts) {
        this.mongo = mongo;
        this.updates = updates;
        this.inserts = inserts;
    }

    @EventHandler
    void on(ReminderSettingsChanged e, @SequenceNumber long seq) {
        var update = new Update().set("enabled", e.enabled()).set("daysBefore", e.daysBefore()).set("onOverdue", e.onOverdue())
                                 .set("version", seq);
        var changed = mongo.updateFirst(query(where("_id").is(e.accountId()).and("version").lt(seq)), update, ReminderSettingsView.class);
        if (changed.getMatchedCount() == 0 && !mongo.exists(query(where("_id").is(e.accountId())), ReminderSettingsView.class)) {
            insert(new ReminderSettingsView(e.accountId(), e.enabled(), e.daysBefore(), e.onOverdue(), seq));
        }
        updates.emit(GetReminderSettings.class, q -> q.accountId().value().equals(e.accountId()), new ViewChanged(e.remindersId(), seq));
    }

    @EventHandler
    void on(InvoiceRegistered e, @SequenceNumber long seq) {
        // with the batch's other creations (one bulk insert per processor batch, a redelivered one ignored)
        inserts.insert(new ReminderScheduleView(e.invoiceId(), e.accountId(), e.number(), e.dueDate().toString(),
                Money.of(e.totalAmount()).cents(), false, seq));
    }

    @EventHandler
    void on(PaymentRecorded e, @SequenceNumber long seq) {
        var amountDue = Money.of(e.amountDue());
        change(e.invoiceId(), seq, new Update().set("amountDueCents", amountDue.cents()).set("cancelled", amountDue.isZero()));
    }

    @EventHandler
    void on(InvoiceNegotiated e, @SequenceNumber long seq) {
        change(e.invoiceId(), seq, new Update().set("cancelled", true));
    }

    @EventHandler
    void on(InvoiceSettled e, @SequenceNumber long seq) {
        change(e.invoiceId(), seq, new Update().set("cancelled", true));
    }

    private void change(String invoiceId, long seq, Update update) {
        inserts.flush(); // the entry may have been created earlier in this batch
        mongo.updateFirst(query(where("_id").is(invoiceId).and("version").lt(seq)), update.set("version", seq), ReminderScheduleView.class);
    }

    private void insert(Object view) {
        try {
            mongo.insert(view);
        } catch (DuplicateKeyException redelivered) {
            // already projected: the later events guard by version
        }
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ReminderSettingsView.class);
        mongo.remove(new Query(), ReminderScheduleView.class);
    }
}
