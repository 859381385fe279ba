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
}
