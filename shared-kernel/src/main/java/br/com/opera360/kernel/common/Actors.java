package br.com.opera360.kernel.common;

/**
 * Who the audit trail names as the {@code actor} of an event (contract, "Audit"): a user id for portal actions, or
 * one of these for the rest.
 */
public interface Actors {
    /** Ingestion calls made with the ingestion key. */
    String INGEST = "system:ingest";
    /** The application's own work (schedules, demo data, process managers). */
    String SYSTEM = "system";
    /**
     * A portal request before login (login, token, "forgot password"): the command handler names the user once it
     * knows whose e-mail or challenge it is; no event keeps this value when a user is known.
     */
    String NOT_YET_IDENTIFIED = "anonymous";
}
