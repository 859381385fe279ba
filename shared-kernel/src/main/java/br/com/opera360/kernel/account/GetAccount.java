package br.com.opera360.kernel.account;

import br.com.opera360.kernel.common.AccountId;

public record GetAccount(AccountId accountId) {
}
