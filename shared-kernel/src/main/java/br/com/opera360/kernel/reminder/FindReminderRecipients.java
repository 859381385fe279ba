package br.com.opera360.kernel.reminder;

import br.com.opera360.kernel.common.AccountId;

/** The account's active users whose profile holds INVOICES_VIEW. */
public record FindReminderRecipients(AccountId accountId) {
}
