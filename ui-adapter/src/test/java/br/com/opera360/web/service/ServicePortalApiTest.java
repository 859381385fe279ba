package br.com.opera360.web.service;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static br.com.opera360.testing.IngestBodies.address;
import static br.com.opera360.testing.IngestBodies.service;
import static br.com.opera360.testing.IngestBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/services, /types and /{designation}: filters, pagination, tenancy and rights. */
class ServicePortalApiTest extends ServiceApiSupport {

    /** Six services in three cities; answers the Administrator's token once all are listed. */
    private String sixServices(TestAccount account) {
        String id = account.accountId();
        register(service(id, "SPO-IP-0001")).expectStatus().isCreated();
        register(with(with(service(id, "spo-ip-0002"), "speedMbps", 200), "status", "SUSPENDED")).expectStatus().isCreated();
        var campinas = address("Rua Barão de Jaguara", "900", "Centro", "Campinas", "SP", "13015-001");
        register(with(with(with(service(id, "CPS-MPLS-0001"), "address", campinas), "serviceType", "MPLS"), "contract", "CT-2024-002"))
                .expectStatus().isCreated();
        var rio = address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "RJ", "20090-003");
        register(with(with(with(service(id, "RJO-IP-0001"), "address", rio), "status", "INSTALLING"), "clientCode", "CLI-99"))
                .expectStatus().isCreated();
        var saoJose = address("Av. Andrômeda", "500", "Jardim Satélite", "São José dos Campos", "SP", "12230-000");
        register(with(with(with(service(id, "SJC-A.C-01"), "address", saoJose), "status", "CANCELLED"), "serviceType", "Internet Banda Larga"))
                .expectStatus().isCreated();
        register(with(with(service(id, "ABC-01"), "serviceType", "MPLS"), "location", null)).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        awaitTotal(token, "/api/services", 6);
        return token;
    }

    @SuppressWarnings("unchecked")
    private List<String> designations(String token, String uri, Object... vars) {
        var page = json(token, uri, vars);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("designation")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_list_is_paginated_by_designation_with_exact_totals_and_the_contract_fields() {
        var account = newAccount();
        String token = sixServices(account);
        var page = json(token, "/api/services");
        assertThat(page).containsOnlyKeys("items", "page", "size", "totalItems", "totalPages")
                        .containsEntry("page", 0).containsEntry("size", 20).containsEntry("totalItems", 6).containsEntry("totalPages", 1);
        var items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).extracting(i -> i.get("designation"))
                         .containsExactly("ABC-01", "CPS-MPLS-0001", "RJO-IP-0001", "SJC-A.C-01", "SPO-IP-0001", "spo-ip-0002");
        assertThat(items.get(4)).containsKeys("designation", "serviceType", "contract", "clientCode", "speedMbps", "status",
                "address", "location").doesNotContainKey("history");
        assertThat(items.get(0).get("location")).isNull();

        var second = json(token, "/api/services?page=1&size=4");
        assertThat(second).containsEntry("page", 1).containsEntry("size", 4).containsEntry("totalItems", 6).containsEntry("totalPages", 2);
        assertThat((List<?>) second.get("items")).hasSize(2);
        assertThat((List<?>) json(token, "/api/services?page=5&size=4").get("items")).isEmpty();
        assertThat(json(token, "/api/services?size=500")).containsEntry("size", 500);
    }

    @Test
    void bad_paging_or_filter_values_are_400() {
        var account = newAccount();
        String token = loginAsAdmin(account);
        for (String query : List.of("size=0", "size=501", "size=abc", "page=-1", "page=x", "speedMbps=cem", "speedMbps=1.5",
                "status=ATIVO", "state=XX")) {
            get(token, "/api/services?" + query).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").value(f -> assertThat((String) f).isIn("size", "page", "speedMbps", "status", "state"));
        }
    }

    @Test
    void designation_and_city_match_by_substring_ignoring_case_and_accents() {
        var account = newAccount();
        String token = sixServices(account);
        assertThat(designations(token, "/api/services?designation=spo-ip")).containsExactly("SPO-IP-0001", "spo-ip-0002");
        assertThat(designations(token, "/api/services?designation=IP-000")).containsExactly("RJO-IP-0001", "SPO-IP-0001", "spo-ip-0002");
        assertThat(designations(token, "/api/services?city=sao paulo")).containsExactly("ABC-01", "SPO-IP-0001", "spo-ip-0002");
        assertThat(designations(token, "/api/services?city=SÃO")).containsExactly("ABC-01", "SJC-A.C-01", "SPO-IP-0001", "spo-ip-0002");
        assertThat(designations(token, "/api/services?city=jose dos")).containsExactly("SJC-A.C-01");
    }

    @Test
    void text_filters_match_literally() {
        var account = newAccount();
        String token = sixServices(account);
        assertThat(designations(token, "/api/services?designation={d}", "A.C")).containsExactly("SJC-A.C-01");
        assertThat(designations(token, "/api/services?designation={d}", "S.O")).isEmpty();
        assertThat(designations(token, "/api/services?designation={d}", ".*")).isEmpty();
        assertThat(designations(token, "/api/services?designation={d}", "(")).isEmpty();
        assertThat(designations(token, "/api/services?city={c}", "[a-z]+")).isEmpty();
    }

    @Test
    void exact_filters_and_repeated_status_and_service_type() {
        var account = newAccount();
        String token = sixServices(account);
        assertThat(designations(token, "/api/services?state=RJ")).containsExactly("RJO-IP-0001");
        assertThat(designations(token, "/api/services?state=sp&city=campinas")).containsExactly("CPS-MPLS-0001");
        assertThat(designations(token, "/api/services?contract=CT-2024-002")).containsExactly("CPS-MPLS-0001");
        assertThat(designations(token, "/api/services?contract=CT-2024")).isEmpty();
        assertThat(designations(token, "/api/services?clientCode=CLI-99")).containsExactly("RJO-IP-0001");
        assertThat(designations(token, "/api/services?speedMbps=200")).containsExactly("spo-ip-0002");
        assertThat(designations(token, "/api/services?status=SUSPENDED&status=INSTALLING")).containsExactly("RJO-IP-0001", "spo-ip-0002");
        assertThat(designations(token, "/api/services?status=CANCELLED")).containsExactly("SJC-A.C-01");
        assertThat(designations(token, "/api/services?serviceType=MPLS")).containsExactly("ABC-01", "CPS-MPLS-0001");
        assertThat(designations(token, "/api/services?serviceType=MPLS&serviceType=Internet Banda Larga"))
                .containsExactly("ABC-01", "CPS-MPLS-0001", "SJC-A.C-01");
        assertThat(json(token, "/api/services?serviceType=MPLS&status=ACTIVE&state=SP")).containsEntry("totalItems", 2);
    }

    @Test
    void service_types_count_every_status_as_a_bare_array() {
        var account = newAccount();
        String token = sixServices(account);
        assertThat(array(token, "/api/services/types")).containsExactly(
                Map.of("serviceType", "Internet Banda Larga", "count", 1),
                Map.of("serviceType", "Link Dedicado", "count", 3),
                Map.of("serviceType", "MPLS", "count", 2));
    }

    @Test
    void the_detail_of_another_accounts_or_an_unknown_service_is_404() {
        var account = newAccount();
        var other = newAccount();
        register(service(other.accountId(), "SECRET-01")).expectStatus().isCreated();
        register(service(account.accountId(), "MINE-01")).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        awaitHistory(token, "MINE-01", 1);
        for (String designation : List.of("SECRET-01", "secret-01", "NO-SUCH", "types ", "MAP")) {
            get(token, "/api/services/{d}", designation).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(json(token, "/api/services")).containsEntry("totalItems", 1);
        assertThat(json(token, "/api/services?designation=SECRET")).containsEntry("totalItems", 0);
        assertThat(array(token, "/api/services/types")).containsExactly(Map.of("serviceType", "Link Dedicado", "count", 1));
    }

    @Test
    void a_designation_with_spaces_and_accents_is_reachable() {
        var account = newAccount();
        register(service(account.accountId(), "Circuito São Paulo 01")).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        assertThat(awaitHistory(token, "Circuito São Paulo 01", 1)).containsEntry("designation", "Circuito São Paulo 01");
        patch("Circuito São Paulo 01", Map.of("accountId", account.accountId(), "speedMbps", 50)).expectStatus().isOk();
        assertThat(designations(token, "/api/services?designation=circuito sao")).containsExactly("Circuito São Paulo 01");
    }

    @Test
    void the_list_types_and_detail_need_services_view() {
        var account = newAccount();
        register(service(account.accountId(), "RIGHTS-01")).expectStatus().isCreated();
        String mapOnly = loginWith(account, "SERVICES_MAP", "INVOICES_VIEW");
        for (String uri : List.of("/api/services", "/api/services/types", "/api/services/RIGHTS-01")) {
            get(mapOnly, uri).expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            web.get().uri(uri).exchange().expectStatus().isUnauthorized();
        }
        String viewer = loginWith(account, "SERVICES_VIEW");
        awaitTotal(viewer, "/api/services", 1);
        get(viewer, "/api/services/types").expectStatus().isOk();
        get(viewer, "/api/services/map?bbox=-74,-34,-28,6").expectStatus().isForbidden();
    }
}
