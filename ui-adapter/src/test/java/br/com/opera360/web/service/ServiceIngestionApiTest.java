package br.com.opera360.web.service;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static br.com.opera360.testing.IngestBodies.address;
import static br.com.opera360.testing.IngestBodies.paulista;
import static br.com.opera360.testing.IngestBodies.location;
import static br.com.opera360.testing.IngestBodies.service;
import static br.com.opera360.testing.IngestBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/ingest/services and PATCH /api/ingest/services/{designation}, read back through the portal. */
class ServiceIngestionApiTest extends ServiceApiSupport {
    @Autowired
    JdbcTemplate jdbc;

    private long eventsOf(String accountId, String designation) {
        return jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?", Long.class,
                accountId + ":" + designation);
    }

    @Test
    void a_registration_answers_201_and_the_service_shows_with_its_cep_as_8_digits_and_a_registration_history() {
        var account = newAccount();
        register(service(account.accountId(), "SPO-IP-0001")).expectStatus().isCreated()
                .expectBody().json("{\"designation\":\"SPO-IP-0001\"}", true);

        String token = loginAsAdmin(account);
        var detail = awaitHistory(token, "SPO-IP-0001", 1);
        assertThat(detail).containsEntry("designation", "SPO-IP-0001").containsEntry("serviceType", "Link Dedicado")
                          .containsEntry("contract", "CT-2024-001").containsEntry("clientCode", "CLI-77")
                          .containsEntry("speedMbps", 100).containsEntry("status", "ACTIVE")
                          .containsEntry("activatedOn", "2025-11-03");
        assertThat(detail.get("address")).isEqualTo(Map.of("street", "Av. Paulista", "number", "1000", "complement", "10º andar",
                "district", "Bela Vista", "city", "São Paulo", "state", "SP", "cep", "01310100"));
        assertThat(detail.get("location")).isEqualTo(Map.of("lat", -23.561, "lon", -46.656));
        @SuppressWarnings("unchecked") var history = (List<Map<String, Object>>) detail.get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("type", "REGISTERED").containsEntry("at", "2026-03-10T15:00:00Z");
        assertThat((String) history.get(0).get("change")).startsWith("Serviço cadastrado: Link Dedicado de 100 Mbps, status Ativo");
    }

    @Test
    void an_identical_resend_answers_200_with_the_original_body_and_records_no_event() {
        var account = newAccount();
        var body = service(account.accountId(), "SPO-IP-0002");
        register(body).expectStatus().isCreated();
        register(body).expectStatus().isOk().expectBody().json("{\"designation\":\"SPO-IP-0002\"}", true);
        // the same facts written another way are the same registration
        var address = paulista();
        address.put("cep", "01310100");
        address.put("state", "sp");
        register(with(with(body, "address", address), "designation", " SPO-IP-0002 ")).expectStatus().isOk();
        assertThat(eventsOf(account.accountId(), "SPO-IP-0002")).isEqualTo(1);
    }

    @Test
    void a_different_payload_for_a_registered_designation_is_a_conflict() {
        var account = newAccount();
        var body = service(account.accountId(), "SPO-IP-0003");
        register(body).expectStatus().isCreated();
        register(with(body, "speedMbps", 200)).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("SPO-IP-0003"));
        register(with(body, "location", null)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(eventsOf(account.accountId(), "SPO-IP-0003")).isEqualTo(1);
    }

    @Test
    void the_designation_is_unique_within_an_account_only() {
        var first = newAccount();
        var second = newAccount();
        register(service(first.accountId(), "SHARED-01")).expectStatus().isCreated();
        register(service(second.accountId(), "SHARED-01")).expectStatus().isCreated();
    }

    @Test
    void a_service_of_an_unknown_account_is_404() {
        register(service("no-such-account", "SPO-IP-0004")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("no-such-account"));
        assertThat(eventsOf("no-such-account", "SPO-IP-0004")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_missing_field_is_reported_at_once() {
        register(Map.of("address", Map.of())).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("accountId", "designation", "serviceType", "contract", "clientCode",
                                "speedMbps", "status", "address.street", "address.number", "address.city", "address.state",
                                "address.cep"));
        register(Map.of("accountId", "x")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).contains("address"));
    }

    @Test
    void invalid_values_are_400_naming_the_field_in_portuguese_and_change_nothing() {
        var account = newAccount();
        var body = service(account.accountId(), "SPO-IP-0005");
        var rioCepInSp = paulista();
        rioCepInSp.put("cep", "20040-002");
        var badCep = paulista();
        badCep.put("cep", "1310-100");
        var badUf = paulista();
        badUf.put("state", "XX");
        List<Object[]> cases = List.of(
                new Object[]{with(body, "status", "ATIVO"), "status"},
                new Object[]{with(body, "status", "active"), "status"},
                new Object[]{with(body, "speedMbps", 100.5), "speedMbps"},
                new Object[]{with(body, "speedMbps", 0), "speedMbps"},
                new Object[]{with(body, "speedMbps", -10), "speedMbps"},
                new Object[]{with(body, "activatedOn", "03/11/2025"), "activatedOn"},
                new Object[]{with(body, "address", rioCepInSp), "address.cep"},
                new Object[]{with(body, "address", badCep), "address.cep"},
                new Object[]{with(body, "address", badUf), "address.state"},
                new Object[]{with(body, "location", location(40.7, -46.6)), "location.lat"},
                new Object[]{with(body, "location", location(-23.5, -80.0)), "location.lon"},
                new Object[]{with(body, "location", Map.of("lat", -23.5)), "location.lon"},
                new Object[]{with(body, "designation", "SPO/IP/0005"), "designation"},
                new Object[]{with(body, "designation", "types"), "designation"},
                new Object[]{with(body, "accountId", "conta inválida!"), "accountId"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked") var invalid = (Map<String, Object>) c[0];
            register(invalid).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors.length()").isEqualTo(1)
                    .jsonPath("$.errors[0].field").isEqualTo(c[1])
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).isNotBlank())
                    .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Dados inválidos"));
        }
        register(with(body, "address", rioCepInSp)).expectBody()
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("não pertence à UF SP"));
        assertThat(eventsOf(account.accountId(), "SPO-IP-0005")).isZero();
        register(body).expectStatus().isCreated();
    }

    @Test
    void a_cep_must_agree_with_the_uf_at_the_edges_of_its_range() {
        var account = newAccount();
        var body = service(account.accountId(), "RO-EDGE");
        body.put("location", null);
        // Rondônia owns 76800-000..76999-999; 76799-999 is Goiás; 78900-000 belongs to no UF
        body.put("address", address("Av. Sete de Setembro", "10", "Centro", "Porto Velho", "RO", "76800-000"));
        register(body).expectStatus().isCreated();
        body.put("designation", "RO-EDGE-2");
        body.put("address", address("Av. Sete de Setembro", "10", "Centro", "Porto Velho", "RO", "76799-999"));
        register(body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("address.cep");
        body.put("address", address("Av. Sete de Setembro", "10", "Centro", "Porto Velho", "RO", "78900-000"));
        register(body).expectStatus().isBadRequest();
        body.put("address", address("Rua 1", "10", "Centro", "Goiânia", "GO", "76799-999"));
        register(body).expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_patch_records_each_change_in_the_history_with_a_portuguese_sentence() {
        var account = newAccount();
        register(service(account.accountId(), "SPO-IP-0006")).expectStatus().isCreated();

        patch("SPO-IP-0006", Map.of("accountId", account.accountId(), "speedMbps", 200)).expectStatus().isOk()
                .expectBody().json("{\"designation\":\"SPO-IP-0006\",\"changes\":[\"SPEED_CHANGED\"]}", true);
        clock.add(java.time.Duration.ofHours(1));
        var moved = Map.of("accountId", account.accountId(), "status", "SUSPENDED",
                "address", address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "RJ", "20090-003"),
                "location", location(-22.903, -43.177));
        patch("SPO-IP-0006", moved).expectStatus().isOk().expectBody()
                .jsonPath("$.changes").value(c -> assertThat((List<String>) c)
                        .containsExactly("ADDRESS_CHANGED", "LOCATION_CHANGED", "STATUS_CHANGED"));

        String token = loginAsAdmin(account);
        var detail = awaitHistory(token, "SPO-IP-0006", 5);
        assertThat(detail).containsEntry("speedMbps", 200).containsEntry("status", "SUSPENDED").containsEntry("statusLabel", "Suspenso");
        assertThat(((Map<String, Object>) detail.get("address"))).containsEntry("cep", "20090003").containsEntry("city", "Rio de Janeiro");
        var history = (List<Map<String, Object>>) detail.get("history");
        assertThat(history).extracting(h -> h.get("type"))
                           .containsExactly("REGISTERED", "SPEED_CHANGED", "ADDRESS_CHANGED", "LOCATION_CHANGED", "STATUS_CHANGED");
        assertThat(history).extracting(h -> h.get("at")).containsExactly("2026-03-10T15:00:00Z", "2026-03-10T15:00:00Z",
                "2026-03-10T16:00:00Z", "2026-03-10T16:00:00Z", "2026-03-10T16:00:00Z");
        assertThat(history.get(1).get("change")).isEqualTo("Velocidade alterada de 100 para 200 Mbps");
        assertThat((String) history.get(2).get("change")).startsWith("Endereço alterado de Av. Paulista, 1000")
                                                          .contains("para Av. Rio Branco, 1 – Centro, Rio de Janeiro/RJ, CEP 20090-003");
        assertThat(history.get(3).get("change")).isEqualTo("Localização alterada de lat -23.561, lon -46.656 para lat -22.903, lon -43.177");
        assertThat(history.get(4).get("change")).isEqualTo("Status alterado de Ativo para Suspenso");
    }

    @Test
    void a_patch_that_changes_nothing_answers_200_and_records_nothing() {
        var account = newAccount();
        register(service(account.accountId(), "SPO-IP-0007")).expectStatus().isCreated();
        patch("SPO-IP-0007", Map.of("accountId", account.accountId(), "speedMbps", 100, "status", "ACTIVE",
                "address", paulista(), "location", location(-23.561, -46.656)))
                .expectStatus().isOk().expectBody().json("{\"designation\":\"SPO-IP-0007\",\"changes\":[]}", true);
        patch("SPO-IP-0007", Map.of("accountId", account.accountId())).expectStatus().isOk();
        // a re-sent PATCH is a PATCH that changes nothing
        patch("SPO-IP-0007", Map.of("accountId", account.accountId(), "speedMbps", 300)).expectStatus().isOk();
        patch("SPO-IP-0007", Map.of("accountId", account.accountId(), "speedMbps", 300)).expectStatus().isOk()
                .expectBody().json("{\"changes\":[]}");
        assertThat(eventsOf(account.accountId(), "SPO-IP-0007")).isEqualTo(2);
    }

    @Test
    void a_patch_of_an_unknown_or_another_accounts_designation_is_404() {
        var account = newAccount();
        var other = newAccount();
        register(service(other.accountId(), "OTHER-01")).expectStatus().isCreated();
        patch("OTHER-01", Map.of("accountId", account.accountId(), "speedMbps", 1)).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        patch("NO-SUCH", Map.of("accountId", account.accountId(), "speedMbps", 1)).expectStatus().isNotFound();
        patch("types", Map.of("accountId", account.accountId(), "speedMbps", 1)).expectStatus().isNotFound();
        patch("OTHER-01", Map.of("accountId", "no-such-account", "speedMbps", 1)).expectStatus().isNotFound();
        assertThat(eventsOf(other.accountId(), "OTHER-01")).isEqualTo(1);
    }

    @Test
    void an_invalid_patch_is_400_before_anything_else() {
        var account = newAccount();
        register(service(account.accountId(), "SPO-IP-0008")).expectStatus().isCreated();
        patch("SPO-IP-0008", Map.of("accountId", account.accountId(), "status", "PAUSED")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        patch("SPO-IP-0008", Map.of("speedMbps", 10)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("accountId");
        patch("NO-SUCH", Map.of("accountId", account.accountId(), "speedMbps", 1.5)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("speedMbps");
        var rio = address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "SP", "20090-003");
        patch("SPO-IP-0008", Map.of("accountId", account.accountId(), "address", rio)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("address.cep");
        assertThat(eventsOf(account.accountId(), "SPO-IP-0008")).isEqualTo(1);
    }

    @Test
    void status_changes_follow_the_life_cycle_and_a_cancelled_service_stays_cancelled() {
        var account = newAccount();
        String id = account.accountId();
        register(with(service(id, "SPO-IP-0009"), "status", "INSTALLING")).expectStatus().isCreated();
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "SUSPENDED")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("Em instalação").contains("Suspenso"));
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "ACTIVE")).expectStatus().isOk();
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "SUSPENDED")).expectStatus().isOk();
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "ACTIVE")).expectStatus().isOk();
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "CANCELLED")).expectStatus().isOk();
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "CANCELLED")).expectStatus().isOk();
        patch("SPO-IP-0009", Map.of("accountId", id, "status", "ACTIVE")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("cancelado"));
        patch("SPO-IP-0009", Map.of("accountId", id, "speedMbps", 500)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(eventsOf(id, "SPO-IP-0009")).isEqualTo(5);
    }

    @Test
    void concurrent_identical_registrations_register_once() throws Exception {
        var account = newAccount();
        var body = service(account.accountId(), "RACE-01");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return register(body).returnResult(String.class).getStatus().value();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var f : futures) statuses.add(f.get());
            assertThat(Collections.frequency(statuses, 201)).isEqualTo(1);
            assertThat(Collections.frequency(statuses, 200)).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(account.accountId(), "RACE-01")).isEqualTo(1);
    }

    @Test
    void ingestion_without_the_api_key_is_401() {
        web.post().uri("/api/ingest/services").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(service("x", "y")).exchange().expectStatus().isUnauthorized()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.patch().uri("/api/ingest/services/y").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("accountId", "x")).exchange().expectStatus().isUnauthorized();
    }
}
