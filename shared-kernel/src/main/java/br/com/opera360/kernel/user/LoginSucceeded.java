package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** The user confirmed the e-mailed token and a session began. */
@Revision("1")
public record LoginSucceeded(String userId, String accountId, String challengeId) {
}
