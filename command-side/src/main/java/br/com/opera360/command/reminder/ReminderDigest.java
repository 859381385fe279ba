package br.com.opera360.command.reminder;

import br.com.opera360.kernel.reminder.RecordReminderDigest;
import br.com.opera360.kernel.reminder.ReminderDigestRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One user's digest of one day, keyed (account, user, day, kind) by its id: the event store's unique (id, sequence)
 * lets it be recorded once in both runtime modes, however often and from however many instances it is asked for.
 */
@Aggregate
public class ReminderDigest {
    @AggregateIdentifier
    private String digestId;

    protected ReminderDigest() {
    }

    /** Answers whether this call recorded it (false: it was recorded before, nothing happens). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RecordReminderDigest cmd) {
        if (digestId != null) return false;
        apply(new ReminderDigestRecorded(cmd.digestId(), cmd.accountId().value(), cmd.userId(), cmd.email(), cmd.userName(),
                cmd.day(), cmd.kind(), cmd.upcoming(), cmd.overdue()));
        return true;
    }

    @EventSourcingHandler
    void on(ReminderDigestRecorded e) {
        digestId = e.digestId();
    }
}
