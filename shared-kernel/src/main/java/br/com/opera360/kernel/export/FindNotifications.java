package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.common.UserId;

/** The user's notifications, newest first. */
public record FindNotifications(AccountId accountId, UserId userId, PageRequest page) {
}
