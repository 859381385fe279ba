package br.com.opera360.query.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One event of the event store, by its global index, with the account it belongs to; {@code payload} is JSON text. */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('audit', 'audit_events')}")
record AuditEventView(@Id long globalIndex, String accountId, String aggregateType, String aggregateId, long sequence,
                      String eventType, Instant timestamp, String payload, String actor, String source,
                      String correlationId) {
    static final String COLLECTION = "audit_events";
}
