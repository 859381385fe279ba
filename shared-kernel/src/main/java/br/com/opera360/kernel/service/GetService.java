package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;

public record GetService(AccountId accountId, ServiceId serviceId) {
}
