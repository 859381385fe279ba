package br.com.opera360.app.demo;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo services, loaded into a fresh account through the same commands, twice: the second load changes nothing. */
class DemoServicesApiTest extends ApiTest {
    @Autowired
    DemoServices demo;
    @Autowired
    JdbcTemplate jdbc;

    private long events(String accountId) {
        return jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier like ?", Long.class, accountId + ":%");
    }

    @SuppressWarnings("unchecked")
    private <T> T getJson(String token, String uri, Class<T> type) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                  .get().uri(uri).headers(bearer(token)).exchange().expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_few_hundred_services_in_every_status_and_type_across_ufs_and_cities_loaded_idempotently() throws Exception {
        var account = newAccount();
        demo.load(new AccountId(account.accountId()));
        long first = events(account.accountId());
        assertThat(first).isGreaterThan(DemoServices.COUNT);
        demo.load(new AccountId(account.accountId()));
        assertThat(events(account.accountId())).isEqualTo(first);

        String token = loginAsAdmin(account);
        Instant deadline = Instant.now().plusSeconds(20);
        while (((Number) getJson(token, "/api/services", Map.class).get("totalItems")).intValue() < DemoServices.COUNT
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(getJson(token, "/api/services", Map.class)).containsEntry("totalItems", DemoServices.COUNT);
        List<Map<String, Object>> types = getJson(token, "/api/services/types", List.class);
        assertThat(types).hasSize(5);
        for (String status : List.of("INSTALLING", "ACTIVE", "SUSPENDED", "CANCELLED")) {
            assertThat(((Number) getJson(token, "/api/services?status=" + status, Map.class).get("totalItems")).intValue())
                    .as(status).isPositive();
        }
        assertThat(((Number) getJson(token, "/api/services?city=sao jose", Map.class).get("totalItems")).intValue()).isPositive();
        assertThat(((Number) getJson(token, "/api/services?state=RO", Map.class).get("totalItems")).intValue()).isPositive();

        List<Map<String, Object>> circles = getJson(token, "/api/services/map?bbox=-74,-34,-28,6", List.class);
        assertThat(circles).hasSize(19);
        assertThat(circles).allSatisfy(c -> assertThat(((Number) c.get("count")).intValue()).isGreaterThan(5));
        Map<String, Object> withHistory = getJson(token, "/api/services/SPO-IP-01002", Map.class);
        assertThat((List<?>) withHistory.get("history")).hasSize(2);
    }
}
