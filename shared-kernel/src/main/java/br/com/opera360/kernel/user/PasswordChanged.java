package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The user chose a new password; their other sessions ended. */
@Revision("1")
public record PasswordChanged(String userId, String accountId) {
}
