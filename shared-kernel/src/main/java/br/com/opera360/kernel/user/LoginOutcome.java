package br.com.opera360.kernel.user;

import java.time.Instant;

/**
 * Result of {@link LogIn}. A refusal is an answer, not an exception, so that the unit of work commits and
 * {@code LoginFailed} is recorded.
 */
public record LoginOutcome(Status status, String challengeId, Instant expiresAt) {
    public enum Status { TOKEN_SENT, REFUSED, LOCKED }

    public static LoginOutcome refused() {
        return new LoginOutcome(Status.REFUSED, null, null);
    }

    public static LoginOutcome locked() {
        return new LoginOutcome(Status.LOCKED, null, null);
    }
}
