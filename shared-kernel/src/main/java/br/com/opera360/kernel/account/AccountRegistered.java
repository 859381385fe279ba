package br.com.opera360.kernel.account;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountRegistered(String accountId, String cnpj, String companyName, String administratorId) {
}
