package br.com.opera360.kernel.reminder;

import br.com.opera360.kernel.common.AccountId;

/** Answers the account's settings, {@link ReminderSettings#DEFAULT} while it never changed them. */
public record GetReminderSettings(AccountId accountId) {
}
