package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** A login attempt of a known user was refused; reason is for auditors, the API answers alike. */
@Revision("1")
public record LoginFailed(String userId, String accountId, String reason) {
}
