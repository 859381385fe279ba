package br.com.opera360.command.user;

import java.time.Instant;

/**
 * Portal sessions, keyed by the SHA-256 of the access token (the token itself is never stored). Shared by every app
 * instance and durable, so access tokens survive a restart. A session also says whether its user holds a temporary
 * password, so a request reads it with the session instead of reading the credentials too.
 */
public interface Sessions {
    void open(String sessionId, String userId, String accountId, Instant now, boolean mustChangePassword);

    void end(String sessionId);

    void endAllOf(String userId);

    /** After a password change: the other sessions end, and the kept one no longer asks for a new password. */
    void keepOnlyAfterPasswordChange(String userId, String keptSessionId);

    /** Before a temporary password is stored: every live session of the user asks for a new password. */
    void requirePasswordChange(String userId);
}
