package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The e-mail address now belongs to this user, across all customer accounts. */
@Revision("1")
public record EmailClaimed(String email, String userId, String accountId) {
}
