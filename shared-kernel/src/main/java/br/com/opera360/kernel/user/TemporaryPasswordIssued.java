package br.com.opera360.kernel.user;

import org.axonframework.serialization.Revision;

/** A temporary password was generated and e-mailed to {@code sentTo}. The password itself is never in an event. */
@Revision("1")
public record TemporaryPasswordIssued(String userId, String accountId, String sentTo, String reason) {
}
