package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;

/** How many services of each type the account has, every status counted. */
public record FindServiceTypes(AccountId accountId) {
}
