package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The user may log in again. */
@Revision("1")
public record UserReactivated(String userId, String accountId, String by) {
}
