package br.com.opera360.command.user;

import java.time.Instant;

/**
 * Portal sessions, keyed by the SHA-256 of the access token (the token itself is never stored). Shared by every app
 * instance and durable, so access tokens survive a restart.
 */
public interface Sessions {
    void open(String sessionId, String userId, String accountId, Instant now);

    void end(String sessionId);

    void endAllOf(String userId);

    void endAllOfExcept(String userId, String keptSessionId);
}
