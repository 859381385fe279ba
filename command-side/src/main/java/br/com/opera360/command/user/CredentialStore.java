package br.com.opera360.command.user;

/**
 * Where the identity feature keeps password hashes. Shared by every app instance (MongoDB); never part of an event,
 * a log line or an API answer.
 */
public interface CredentialStore {
    void storePassword(String userId, String passwordHash, boolean temporary);
}
