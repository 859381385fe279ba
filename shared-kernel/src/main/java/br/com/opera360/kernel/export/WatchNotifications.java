package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;

/** Subscription query: every change of the user's notifications ({@link NotificationDetails} updates). */
public record WatchNotifications(AccountId accountId, UserId userId) {
}
