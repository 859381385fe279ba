package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;

/** How many services the list's filters match. */
public record CountServices(AccountId accountId, ServiceFilter filter) {
}
