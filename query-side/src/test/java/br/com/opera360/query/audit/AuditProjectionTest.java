package br.com.opera360.query.audit;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.kernel.account.ProfileCreated;
import br.com.opera360.kernel.audit.AuditEvent;
import br.com.opera360.kernel.audit.FindAuditEvents;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.InMemoryMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit projection against a real mongo-java-server, every event delivered twice, read back through the query handler. */
class AuditProjectionTest {
    static final Instant AT = Instant.parse("2026-03-10T15:00:00Z");

    private InMemoryMongo store;
    private AuditProjection projection;
    private AuditQueryHandler queries;

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        var template = store.template();
        projection = new AuditProjection(template, new ObjectMapper(), new BatchedInserts(template));
        queries = new AuditQueryHandler(store.reactiveTemplate());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void deliver(long globalIndex, String type, String id, long seq, Object payload, boolean replay) throws Exception {
        var message = new GenericDomainEventMessage<>(type, id, seq, payload,
                MetaData.with("actor", "system:ingest").and("source", "ingest").and("correlationId", "lote-1"), "event-" + globalIndex,
                AT.plusSeconds(globalIndex));
        var token = new GlobalSequenceTrackingToken(globalIndex);
        projection.on(payload, message, replay ? ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), token) : token);
    }

    @SuppressWarnings("unchecked")
    private Page<AuditEvent> find(String account, String type, String id, Instant from, Instant to) throws Exception {
        return queries.handle(new FindAuditEvents(new AccountId(account), type, id, from, to, new PageRequest(0, 20))).get();
    }

    @Test
    void each_event_is_kept_once_with_its_account_position_and_metadata_and_a_reset_drops_them() throws Exception {
        for (int round = 0; round < 2; round++) {
            boolean replay = round == 1;
            deliver(7, "CustomerAccount", "acme", 0, new AccountRegistered("acme", "11222333000181", "Acme", "u-1"), replay);
            deliver(8, "CustomerAccount", "acme", 1, new ProfileCreated("acme", "p-1", "Administrador", List.of("AUDIT_VIEW"), true), replay);
            deliver(9, "CustomerAccount", "other", 0, new AccountRegistered("other", "11444777000161", "Outra", "u-2"), replay);
        }

        var acme = find("acme", null, null, null, null);
        assertThat(acme.totalItems()).isEqualTo(2);
        var first = acme.items().get(0);
        assertThat(first.globalIndex()).isEqualTo(7);
        assertThat(first.eventType()).isEqualTo("AccountRegistered");
        assertThat(first.aggregateType()).isEqualTo("CustomerAccount");
        assertThat(first.timestamp()).isEqualTo(AT.plusSeconds(7));
        assertThat(first.metadata()).isEqualTo(new AuditEvent.Metadata("system:ingest", "ingest", "lote-1"));
        assertThat(new ObjectMapper().readTree(first.payload()).get("companyName").asText()).isEqualTo("Acme");
        assertThat(acme.items().get(1).sequence()).isEqualTo(1);

        assertThat(find("acme", null, "other", null, null).totalItems()).isZero();
        assertThat(find("acme", "CustomerAccount", "acme", AT.plusSeconds(8), AT.plusSeconds(8)).items())
                .extracting(AuditEvent::eventType).containsExactly("ProfileCreated");
        assertThat(find("other", null, null, null, null).totalItems()).isEqualTo(1);

        projection.reset();
        assertThat(find("acme", null, null, null, null).totalItems()).isZero();
    }
}
