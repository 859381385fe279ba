package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;

/** The map's circles, one per CEP whose mean location lies in the box. */
public record FindServiceMap(AccountId accountId, BoundingBox bbox) {
}
