package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The user ended one of their sessions. */
@Revision("1")
public record UserLoggedOut(String userId, String accountId) {
}
