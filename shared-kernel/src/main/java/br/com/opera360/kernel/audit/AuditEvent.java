package br.com.opera360.kernel.audit;

import java.time.Instant;

/**
 * One stored event as the audit API shows it. {@code payload} is the event's JSON text (its stored form: no secret
 * is ever part of an event).
 */
public record AuditEvent(long globalIndex, String aggregateType, String aggregateId, long sequence, String eventType,
                         Instant timestamp, String payload, Metadata metadata) {

    /** Who caused the event ({@code actor}), through which door ({@code source}) and in which request. */
    public record Metadata(String actor, String source, String correlationId) {
    }
}
