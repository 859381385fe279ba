package br.com.opera360.kernel.reminder;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record ChangeReminderSettings(@TargetAggregateIdentifier String remindersId, AccountId accountId,
                                     ReminderSettings settings) {
    public ChangeReminderSettings {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(settings, "settings");
        if (!remindersId(accountId).equals(remindersId)) throw new IllegalArgumentException("remindersId of another account");
    }

    public ChangeReminderSettings(AccountId accountId, ReminderSettings settings) {
        this(remindersId(accountId), accountId, settings);
    }

    /** One reminder policy per account; the marker keeps it apart from other aggregates in the shared id space. */
    public static String remindersId(AccountId accountId) {
        return accountId.value() + ":reminders";
    }
}
