package br.com.opera360.kernel.profile;

import br.com.opera360.kernel.common.AccountId;

/** Every profile of the account (a small, fixed collection: no pages), by name. */
public record FindProfiles(AccountId accountId) {
}
