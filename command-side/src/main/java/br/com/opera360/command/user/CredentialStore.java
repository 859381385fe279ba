package br.com.opera360.command.user;

import java.util.Optional;

/**
 * Where the identity feature keeps password hashes. Shared by every app instance (MongoDB); never part of an event,
 * a log line or an API answer.
 */
public interface CredentialStore {
    void storePassword(String userId, String passwordHash, boolean temporary);

    Optional<StoredPassword> find(String userId);

    /** {@code temporary}: issued by the system, so the user must change it before using the portal. */
    record StoredPassword(String hash, boolean temporary) {
        @Override
        public String toString() {
            return "StoredPassword[temporary=" + temporary + "]";
        }
    }
}
