package br.com.opera360.kernel.common;

/**
 * The metadata every event carries for the audit (contract, "Audit"): its keys, and the values that are not a user
 * id. Written by the web layer and the dispatch interceptor, copied onto events by Axon, read by the audit projection.
 */
public interface AuditMetadata {
    /** Who caused the event: a user id for portal actions, or one of the actors below. */
    String ACTOR = "actor";
    /** Through which door: {@link #PORTAL}, {@link #INGEST} or {@link #SYSTEM}. */
    String SOURCE = "source";
    /** The request's {@code X-Correlation-Id}, or one generated for it. */
    String CORRELATION_ID = "correlationId";

    /** Source of portal requests. */
    String PORTAL = "portal";
    /** Source of ingestion calls. */
    String INGEST = "ingest";
    /** Actor and source of the application's own work (schedules, demo data, process managers). */
    String SYSTEM = "system";

    /** Actor of ingestion calls made with the ingestion key. */
    String INGEST_ACTOR = "system:ingest";
    /**
     * Actor of a portal request before login (login, token, "forgot password"): the command handler names the user
     * once it knows whose e-mail or challenge it is; no event keeps this value when a user is known.
     */
    String NOT_YET_IDENTIFIED = "anonymous";
}
