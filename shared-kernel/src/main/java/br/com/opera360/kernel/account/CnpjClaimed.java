package br.com.opera360.kernel.account;

import org.axonframework.serialization.Revision;

/** The CNPJ now belongs to the account. Keeps the registration as sent, so that a re-send can be recognised. */
@Revision("1")
public record CnpjClaimed(String cnpj, String accountId, boolean accountIdGiven, String companyName,
                          String administratorName, String administratorEmail) {
}
