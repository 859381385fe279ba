package br.com.opera360.app.store;

import br.com.opera360.store.IndexedH2Backend;
import br.com.opera360.testing.ApiTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own queries, every list with its filters, sorts and pages, on an account larger than the store's
 * fallback slack (100 documents): each must be served by an index of the embedded read store. A query that read more
 * than skip + limit + 100 documents it did not return, or a count that read documents, shows in the store's fallback
 * log (and in {@code opera360.store.fallback}), and fails this test with its shape.
 */
class ReadStoreFallbackApiTest extends ApiTest {
    private static final int INVOICES = 240, SERVICES = 240, USERS = 130;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String[] STATES = {"SP", "RJ", "MG", "PR", "RS", "BA"};
    private static final String[] CEPS = {"01310-100", "20040-002", "30130-010", "80010-000", "90010-000", "40020-000"};
    private static final String[] CITIES = {"São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre", "Salvador"};
    private static final double[][] PLACES = {{-23.56, -46.65}, {-22.90, -43.17}, {-19.92, -43.94}, {-25.43, -49.27}, {-30.03, -51.23}, {-12.97, -38.50}};

    @Autowired
    IndexedH2Backend store;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_list_filter_sort_and_page_of_the_portal_is_served_by_an_index() throws Exception {
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        var account = newAccount();
        ingestBatch(account.accountId());
        String admin = loginAsAdmin(account);
        String profileId = createProfile(admin, "Consulta", "INVOICES_VIEW", "SERVICES_VIEW");
        for (int i = 0; i < USERS; i++) createUser(admin, profileId, "Usuária " + i);
        await(() -> total(admin, "/api/invoices?size=1") == INVOICES && total(admin, "/api/services?size=1") == SERVICES
                && total(admin, "/api/users?size=1") >= USERS);

        invoiceQueries(admin);
        serviceQueries(admin);
        administrationQueries(admin, profileId);

        assertThat(store.fallbacks().byShape()).as("queries the embedded store's indexes did not serve").isEmpty();
    }

    private void invoiceQueries(String admin) {
        List<String> filters = List.of("", "status=PENDING", "status=OPEN", "status=PAID", "status=INSTALLMENT",
                "status=PENDING&status=OPEN", "status=OPEN&status=PAID&status=INSTALLMENT", "year=2025", "year=2026&month=1",
                "year=2025&status=PAID", "dueDate=2026-03-20", "dueFrom=2026-01-01&dueTo=2026-02-28",
                "dueFrom=2026-02-01&status=PENDING");
        for (String filter : filters) {
            for (String sort : List.of("dueDate,desc", "dueDate,asc", "issueDate,desc", "totalAmount,asc")) {
                for (int page : new int[]{0, 3}) {
                    ok(admin, "/api/invoices?" + filter + "&sort=" + sort + "&page=" + page + "&size=20");
                }
            }
        }
        ok(admin, "/api/invoices/summary");
        ok(admin, "/api/invoices/INV-7");
        ok(admin, "/api/invoices/INV-7/services/LINK-7");
    }

    private void serviceQueries(String admin) {
        List<String> filters = List.of("", "designation=svc-1", "designation=9", "city=sao", "state=SP", "state=RJ&city=rio",
                "contract=CT-3", "clientCode=CLI-2", "speedMbps=200", "status=ACTIVE", "status=SUSPENDED&status=CANCELLED",
                "serviceType=MPLS", "serviceType=MPLS&status=ACTIVE&state=MG");
        for (String filter : filters) {
            for (int page : new int[]{0, 2}) ok(admin, "/api/services?" + filter + "&page=" + page + "&size=20");
        }
        ok(admin, "/api/services/types");
        ok(admin, "/api/services/SVC-17");
        ok(admin, "/api/services/map?bbox=-74,-34,-34,6");
        ok(admin, "/api/services/map?bbox=-47,-24,-46,-23");
        ok(admin, "/api/services/map/01310100");
    }

    private void administrationQueries(String admin, String profileId) {
        for (String filter : List.of("", "status=ACTIVE", "status=INACTIVE", "profileId=" + profileId, "q=usuaria 1",
                "q=cliente&status=ACTIVE")) {
            for (int page : new int[]{0, 3}) ok(admin, "/api/users?" + filter + "&page=" + page + "&size=20");
        }
        ok(admin, "/api/profiles");
        ok(admin, "/api/profiles/" + profileId);
        ok(admin, "/api/me");
        ok(admin, "/api/notifications");
        Instant now = clock.instant();
        for (String filter : List.of("", "aggregateType=Invoice", "aggregateType=Service&aggregateId=x",
                "from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60))) {
            for (int page : new int[]{0, 10}) ok(admin, "/api/audit/events?" + filter + "&page=" + page + "&size=20");
        }
    }

    private void ingestBatch(String accountId) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < INVOICES; i++) {
            LocalDate due = TODAY.minusDays(200).plusDays(i * 2L);
            Map<String, Object> item = Map.of("designation", "LINK-" + i, "serviceType", "Link Dedicado",
                    "description", "Mensalidade", "amount", 100 + (i * 37) % 900, "periodStart", "2026-01-01", "periodEnd", "2026-01-31");
            Map<String, Object> invoice = Map.of("accountId", accountId, "number", "INV-" + i, "issueDate",
                    due.minusDays(20).toString(), "dueDate", due.toString(), "issuer", "Operadora", "items", List.of(item));
            lines.append(line("invoice", invoice));
            if (i % 4 == 0) {
                lines.append(line("payment", Map.of("accountId", accountId, "invoiceNumber", "INV-" + i,
                        "amount", 100 + (i * 37) % 900, "paidOn", due.minusDays(1).toString())));
            }
        }
        lines.append(line("negotiation", Map.of("accountId", accountId, "negotiationId", "NEG-1", "invoiceNumbers",
                List.of("INV-1", "INV-2"), "agreedOn", TODAY.minusDays(1).toString(), "installments",
                List.of(Map.of("number", 1, "dueDate", TODAY.plusDays(10).toString(), "amount", 100)))));
        for (int i = 0; i < SERVICES; i++) {
            int place = i % STATES.length;
            Map<String, Object> address = new HashMap<>(Map.of("street", "Rua " + i, "number", "" + i, "district", "Centro",
                    "city", CITIES[place], "state", STATES[place], "cep", CEPS[place]));
            Map<String, Object> service = new HashMap<>(Map.of("accountId", accountId, "designation", "SVC-" + i,
                    "serviceType", i % 3 == 0 ? "MPLS" : "Link Dedicado", "contract", "CT-" + (i % 5), "clientCode", "CLI-" + (i % 4),
                    "speedMbps", i % 2 == 0 ? 100 : 200, "status", new String[]{"ACTIVE", "INSTALLING", "SUSPENDED", "CANCELLED"}[i % 4],
                    "activatedOn", "2025-11-03", "address", address));
            service.put("location", Map.of("lat", PLACES[place][0], "lon", PLACES[place][1]));
            lines.append(line("service", service));
        }
        var answer = web.post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY)
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(lines.toString()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) answer.get("rejected")).isEmpty();
    }

    private String line(String type, Map<String, Object> data) throws Exception {
        return json.writeValueAsString(Map.of("type", type, "data", data)) + "\n";
    }

    private WebTestClient.BodyContentSpec ok(String token, String uri) {
        return web.get().uri(uri).headers(bearer(token)).exchange().expectStatus().isOk().expectBody();
    }

    private long total(String token, String uri) {
        Map<?, ?> page = web.get().uri(uri).headers(bearer(token)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) page.get("totalItems")).longValue();
    }

    private static void await(Supplier<Boolean> ready) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!ready.get()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("read models did not catch up in 60 s");
            Thread.sleep(200);
        }
    }
}
