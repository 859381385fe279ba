package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The password was right: a login token went to the user's e-mail (the token is never in an event). */
@Revision("1")
public record LoginTokenSent(String userId, String accountId, String challengeId, Instant expiresAt) {
}
