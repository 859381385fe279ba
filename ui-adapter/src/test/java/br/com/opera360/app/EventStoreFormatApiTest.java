package br.com.opera360.app;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are stored as JSON under stable domain names with a revision, never with a secret in them. */
class EventStoreFormatApiTest extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_registration_stores_json_events_named_by_the_domain_with_revision_1_and_no_password() {
        var account = newAccount();
        String password = outbox().latestTo(account.adminEmail()).temporaryPassword();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select payloadType, payloadRevision, payload, metaData from DomainEventEntry where aggregateIdentifier in (?, ?) order by globalIndex",
                account.accountId(), account.cnpj());
        assertThat(rows).extracting(r -> r.get("PAYLOADTYPE"))
                        .containsExactly("CnpjClaimed", "AccountRegistered", "ProfileCreated");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("PAYLOADREVISION")).isEqualTo("1");
            String payload = new String((byte[]) r.get("PAYLOAD"), StandardCharsets.UTF_8);
            assertThat(payload).startsWith("{").doesNotContain(password);
        });

        List<byte[]> all = jdbc.queryForList("select payload from DomainEventEntry", byte[].class);
        assertThat(all).noneMatch(p -> new String(p, StandardCharsets.UTF_8).contains(password));
    }

    @Test
    void every_event_of_an_ingestion_carries_the_ingesting_actor_and_the_callers_correlation_id() throws Exception {
        String cnpj = newCnpj();
        var body = Map.of("cnpj", cnpj, "companyName", "Rastreável", "administrator",
                Map.of("name", "Rui", "email", "rui-" + cnpj + "@rastro.com.br"));
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).header("X-Correlation-Id", "lote-2026-03-10.001")
           .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(body).exchange()
           .expectStatus().isCreated().expectHeader().valueEquals("X-Correlation-Id", "lote-2026-03-10.001");

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<byte[]> metas = jdbc.queryForList("select metaData from DomainEventEntry where payload like ?", byte[].class,
                ("%" + cnpj + "%").getBytes(StandardCharsets.UTF_8));
        List<byte[]> byCorrelation = jdbc.queryForList("select metaData from DomainEventEntry", byte[].class).stream()
                .filter(m -> new String(m, StandardCharsets.UTF_8).contains("lote-2026-03-10.001")).toList();
        // CnpjClaimed, EmailClaimed, AccountRegistered, ProfileCreated, UserCreated, TemporaryPasswordIssued
        assertThat(byCorrelation).hasSize(6);
        for (byte[] meta : byCorrelation) {
            var node = json.readTree(meta);
            assertThat(node.get("actor").asText()).isEqualTo("system:ingest");
            assertThat(node.get("source").asText()).isEqualTo("ingest");
            assertThat(node.get("correlationId").asText()).isEqualTo("lote-2026-03-10.001");
        }
        assertThat(metas).isNotEmpty();
    }

    @Test
    void stored_events_carry_time_ordered_identifiers() {
        var account = newAccount();
        List<String> ids = jdbc.queryForList("select eventIdentifier from DomainEventEntry where aggregateIdentifier = ? order by globalIndex",
                String.class, account.accountId());
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7));
        // in the order they were stored, their millisecond prefixes never go back (so the unique index grows at its end)
        assertThat(ids.stream().map(id -> id.replace("-", "").substring(0, 12)).toList()).isSorted();
    }

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStorageEngine storageEngine;

    @Test
    void appending_to_an_existing_sequence_is_a_concurrency_conflict_not_a_storage_failure() {
        var account = newAccount();
        var duplicate = new org.axonframework.eventhandling.GenericDomainEventMessage<>("CustomerAccount",
                account.accountId(), 0, new br.com.opera360.kernel.account.AccountRegistered(account.accountId(),
                account.cnpj(), "Duplicada", "someone"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storageEngine.appendEvents(duplicate))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    @Test
    void a_request_without_a_correlation_id_gets_one_in_the_answer() {
        web.get().uri("/actuator/health").exchange().expectHeader().value("X-Correlation-Id", id -> assertThat(id).hasSizeGreaterThan(10));
        web.get().uri("/actuator/health").header("X-Correlation-Id", "bad id with spaces").exchange()
           .expectHeader().value("X-Correlation-Id", id -> assertThat(id).doesNotContain(" "));
    }
}
