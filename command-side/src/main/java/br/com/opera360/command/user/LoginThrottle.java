package br.com.opera360.command.user;

import java.time.Instant;

/**
 * Consecutive login failures per e-mail (known or not) and the lockout they cause. Shared by every app instance
 * (MongoDB), so a guesser cannot spread attempts over instances. The rule itself lives in {@link Authentication}.
 */
public interface LoginThrottle {
    boolean isLocked(String email, Instant now);

    /** Counts one more consecutive failure and answers the count. */
    int recordFailure(String email, Instant now);

    /** Locks the e-mail until the given instant; the count starts again afterwards. */
    void lock(String email, Instant until);

    /** A successful login: the count starts again. */
    void reset(String email);
}
