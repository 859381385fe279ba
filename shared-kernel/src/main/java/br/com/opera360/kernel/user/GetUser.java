package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;

/** One user of the account; another account's user is simply not found. */
public record GetUser(AccountId accountId, UserId userId) {
}
