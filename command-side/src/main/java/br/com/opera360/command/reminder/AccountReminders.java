package br.com.opera360.command.reminder;

import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.reminder.ChangeReminderSettings;
import br.com.opera360.kernel.reminder.ReminderSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An account's due-date reminder settings, created by the first save (until then the defaults apply); it decides nothing yet. */
@Aggregate
public class AccountReminders {
    @AggregateIdentifier
    private String remindersId;

    protected AccountReminders() {
    }

    /** Every save is recorded (the audit shows who set what), like a profile's. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Written handle(ChangeReminderSettings cmd) {
        var s = cmd.settings();
        apply(new ReminderSettingsChanged(cmd.remindersId(), cmd.accountId().value(), s.enabled(), s.daysBefore(), s.onOverdue()));
        return new Written(cmd.remindersId(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(ReminderSettingsChanged e) {
        remindersId = e.remindersId();
    }
}
