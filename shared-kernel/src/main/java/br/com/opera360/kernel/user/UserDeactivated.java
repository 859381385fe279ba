package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The user can no longer log in; their sessions end at once. */
@Revision("1")
public record UserDeactivated(String userId, String accountId, String by) {
}
