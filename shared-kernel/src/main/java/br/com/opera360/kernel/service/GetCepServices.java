package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cep;

/** The services behind one map circle. */
public record GetCepServices(AccountId accountId, Cep cep) {
}
