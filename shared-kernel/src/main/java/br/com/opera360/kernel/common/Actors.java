package br.com.opera360.kernel.common;

/**
 * Who the audit trail names as the {@code actor} of an event (contract, "Audit"): a user id for portal actions, or
 * one of these for the rest.
 */
public final class Actors {
    /** Ingestion calls made with the ingestion key. */
    public static final String INGEST = "system:ingest";
    /** The application's own work (schedules, demo data, process managers). */
    public static final String SYSTEM = "system";
    /**
     * A portal request before login (login, token, "forgot password"): the command handler names the user once it
     * knows whose e-mail or challenge it is; no event keeps this value when a user is known.
     */
    public static final String NOT_YET_IDENTIFIED = "anonymous";

    private Actors() {
    }
}
