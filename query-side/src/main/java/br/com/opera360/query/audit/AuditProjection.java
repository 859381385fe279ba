package br.com.opera360.query.audit;

import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.ProcessingGroups;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static br.com.opera360.kernel.common.AuditMetadata.ACTOR;
import static br.com.opera360.kernel.common.AuditMetadata.CORRELATION_ID;
import static br.com.opera360.kernel.common.AuditMetadata.SOURCE;

/**
 * Every event of the store, as the audit API lists it. Each event names its account in its payload ({@code accountId}:
 * every kernel event carries it), which is how a customer sees only its own history. Idempotent: the global index is
 * the document id, a redelivered event hits the duplicate key and changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT)
class AuditProjection {
    private static final Logger log = LoggerFactory.getLogger(AuditProjection.class);
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final BatchedInserts inserts;

    AuditProjection(MongoTemplate mongo, ObjectMapper json, BatchedInserts inserts) {
        this.mongo = mongo;
        this.json = json;
        this.inserts = inserts;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, TrackingToken token) throws JsonProcessingException {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException("token without a position: " + token));
        JsonNode body = json.valueToTree(payload);
        String accountId = body.path("accountId").asText(null);
        if (accountId == null) {
            log.warn("Event {} #{} ({} {}) names no account: no customer will see it in the audit",
                    event.getPayloadType().getSimpleName(), globalIndex, event.getType(), event.getAggregateIdentifier());
        }
        var meta = event.getMetaData();
        var view = new AuditEventView(globalIndex, accountId, event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                json.writeValueAsString(body), text(meta.get(ACTOR)), text(meta.get(SOURCE)), text(meta.get(CORRELATION_ID)));
        inserts.insert(view); // with the batch's other events; one already projected is left as it is
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), AuditEventView.class);
    }
}
