package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;

/** One page of the account's services, ordered by designation. */
public record FindServices(AccountId accountId, ServiceFilter filter, int page, int size) {
}
