package br.com.opera360.web.service;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static br.com.opera360.testing.IngestBodies.address;
import static br.com.opera360.testing.IngestBodies.paulista;
import static br.com.opera360.testing.IngestBodies.location;
import static br.com.opera360.testing.IngestBodies.service;
import static br.com.opera360.testing.IngestBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/services/map and /map/{cep}: one circle per CEP at the mean location, kept in step with moves. */
class ServiceMapApiTest extends ServiceApiSupport {
    static final String BRAZIL = "/api/services/map?bbox=-74,-34,-28,6";

    private void at(String accountId, String designation, Map<String, Object> address, double lat, double lon) {
        register(with(with(service(accountId, designation), "address", address), "location", location(lat, lon)))
                .expectStatus().isCreated();
    }

    private List<Map<String, Object>> awaitCircles(String token, String uri, int circles) {
        return await(() -> array(token, uri), list -> list.size() == circles);
    }

    private List<Map<String, Object>> awaitCount(String token, String cep, int count) {
        return await(() -> array(token, BRAZIL),
                list -> list.stream().anyMatch(c -> c.get("cep").equals(cep) && ((Number) c.get("count")).intValue() == count));
    }

    @Test
    void one_circle_per_cep_at_the_mean_location_of_its_services_and_services_without_location_left_out() {
        var account = newAccount();
        String id = account.accountId();
        at(id, "PAULISTA-1", paulista(), -23.561, -46.656);
        at(id, "PAULISTA-2", paulista(), -23.563, -46.658);
        at(id, "PAULISTA-3", paulista(), -23.562, -46.654);
        var rio = address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "RJ", "20090-003");
        at(id, "RIO-1", rio, -22.903, -43.177);
        register(with(service(id, "NOWHERE-1"), "location", null)).expectStatus().isCreated();
        String token = loginAsAdmin(account);

        var circles = awaitCircles(token, BRAZIL, 2);
        assertThat(circles).containsExactlyInAnyOrder(
                Map.of("cep", "01310100", "lat", -23.562, "lon", -46.656, "count", 3),
                Map.of("cep", "20090003", "lat", -22.903, "lon", -43.177, "count", 1));
        assertThat(awaitTotal(token, "/api/services", 5)).containsEntry("totalItems", 5);
    }

    @Test
    void the_box_is_inclusive_and_only_circles_inside_it_are_answered() {
        var account = newAccount();
        String id = account.accountId();
        at(id, "PAULISTA-1", paulista(), -23.5, -46.6);
        at(id, "RIO-1", address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "RJ", "20090-003"), -22.9, -43.2);
        String token = loginAsAdmin(account);
        awaitCircles(token, BRAZIL, 2);

        assertThat(array(token, "/api/services/map?bbox=-46.6,-23.5,-46.6,-23.5")).extracting(c -> c.get("cep")).containsExactly("01310100");
        assertThat(array(token, "/api/services/map?bbox=-47,-24,-46,-23")).extracting(c -> c.get("cep")).containsExactly("01310100");
        assertThat(array(token, "/api/services/map?bbox=-46.59,-23.5,-40,-20")).extracting(c -> c.get("cep")).containsExactly("20090003");
        assertThat(array(token, "/api/services/map?bbox=-180,-90,180,90")).hasSize(2);
        assertThat(array(token, "/api/services/map?bbox=0,0,10,10")).isEmpty();
    }

    @Test
    void a_move_to_another_cep_moves_the_count_and_a_location_change_moves_the_mean() {
        var account = newAccount();
        String id = account.accountId();
        at(id, "MOVER", paulista(), -23.561, -46.656);
        at(id, "STAYER", paulista(), -23.563, -46.658);
        String token = loginAsAdmin(account);
        awaitCount(token, "01310100", 2);

        var rio = address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "RJ", "20090-003");
        patch("MOVER", Map.of("accountId", id, "address", rio, "location", location(-22.903, -43.177))).expectStatus().isOk();
        // address and location are two events: wait for both
        var circles = await(() -> array(token, BRAZIL),
                list -> list.contains(Map.of("cep", "20090003", "lat", -22.903, "lon", -43.177, "count", 1)));
        assertThat(circles).containsExactlyInAnyOrder(
                Map.of("cep", "01310100", "lat", -23.563, "lon", -46.658, "count", 1),
                Map.of("cep", "20090003", "lat", -22.903, "lon", -43.177, "count", 1));

        patch("STAYER", Map.of("accountId", id, "location", location(-23.565, -46.660))).expectStatus().isOk();
        await(() -> array(token, BRAZIL), list -> list.contains(Map.of("cep", "01310100", "lat", -23.565, "lon", -46.66, "count", 1)));

        // the last service of a CEP leaves: the circle goes
        patch("STAYER", Map.of("accountId", id, "address", rio)).expectStatus().isOk();
        // one move touches two circles, one write each: wait for the end state, not just for one circle
        var moved = Map.<String, Object>of("cep", "20090003", "lat", -23.234, "lon", -44.9185, "count", 2);
        assertThat(await(() -> array(token, BRAZIL), list -> list.equals(List.of(moved)))).containsExactly(moved);
        get(token, "/api/services/map/01310100").expectStatus().isNotFound();
    }

    @Test
    void a_location_given_later_puts_the_service_on_the_map() {
        var account = newAccount();
        register(with(service(account.accountId(), "LATE-1"), "location", null)).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        awaitTotal(token, "/api/services", 1);
        assertThat(array(token, BRAZIL)).isEmpty();
        get(token, "/api/services/map/01310100").expectStatus().isNotFound();
        patch("LATE-1", Map.of("accountId", account.accountId(), "location", location(-23.5, -46.6))).expectStatus().isOk();
        assertThat(awaitCircles(token, BRAZIL, 1)).containsExactly(Map.of("cep", "01310100", "lat", -23.5, "lon", -46.6, "count", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_circle_lists_its_address_and_services_by_designation() {
        var account = newAccount();
        String id = account.accountId();
        register(with(with(service(id, "B-LINK"), "speedMbps", 300), "status", "SUSPENDED")).expectStatus().isCreated();
        register(with(with(service(id, "A-MPLS"), "serviceType", "MPLS"), "status", "INSTALLING")).expectStatus().isCreated();
        register(with(service(id, "C-NOLOC"), "location", null)).expectStatus().isCreated();
        String token = loginAsAdmin(account);
        awaitCount(token, "01310100", 2);

        var detail = json(token, "/api/services/map/{cep}", "01310-100");
        assertThat(detail).containsEntry("cep", "01310100");
        assertThat(detail.get("address")).isEqualTo(Map.of("street", "Av. Paulista", "district", "Bela Vista",
                "city", "São Paulo", "state", "SP", "cep", "01310100"));
        assertThat((List<Map<String, Object>>) detail.get("services")).containsExactly(
                Map.of("designation", "A-MPLS", "serviceType", "MPLS", "speedMbps", 100, "status", "INSTALLING"),
                Map.of("designation", "B-LINK", "serviceType", "Link Dedicado", "speedMbps", 300, "status", "SUSPENDED"));
        assertThat(json(token, "/api/services/map/01310100")).isEqualTo(detail);

        patch("B-LINK", Map.of("accountId", id, "speedMbps", 400)).expectStatus().isOk();
        await(() -> json(token, "/api/services/map/01310100"),
                d -> ((List<Map<String, Object>>) d.get("services")).get(1).get("speedMbps").equals(400));
    }

    @Test
    void another_accounts_circles_are_invisible_and_unknown_ceps_are_404() {
        var account = newAccount();
        var other = newAccount();
        at(other.accountId(), "OTHER-1", paulista(), -23.5, -46.6);
        at(account.accountId(), "MINE-1", address("Av. Rio Branco", "1", "Centro", "Rio de Janeiro", "RJ", "20090-003"), -22.9, -43.2);
        String token = loginAsAdmin(account);
        assertThat(awaitCircles(token, BRAZIL, 1)).extracting(c -> c.get("cep")).containsExactly("20090003");
        for (String cep : List.of("01310100", "99999999", "abc", "0131010")) {
            get(token, "/api/services/map/{cep}", cep).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void a_bad_bbox_is_400() {
        var account = newAccount();
        String token = loginAsAdmin(account);
        for (String bbox : List.of("", "1,2,3", "1,2,3,4,5", "a,b,c,d", "-46,-23,-47,-22", "-46,-22,-45,-23",
                "-181,-10,0,0", "0,0,181,10", "0,-91,10,0", "0,0,10,91", "NaN,0,1,1", "-46,-23,,-22", "1e1,0,20,1")) {
            get(token, "/api/services/map?bbox={b}", bbox).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("bbox")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).isNotBlank());
        }
        get(token, "/api/services/map").expectStatus().isBadRequest();
    }

    @Test
    void the_map_needs_services_map() {
        var account = newAccount();
        String viewer = loginWith(account, "SERVICES_VIEW");
        get(viewer, BRAZIL).expectStatus().isForbidden();
        get(viewer, "/api/services/map/01310100").expectStatus().isForbidden();
        web.get().uri(BRAZIL).exchange().expectStatus().isUnauthorized();
        String mapper = loginWith(account, "SERVICES_MAP");
        get(mapper, BRAZIL).expectStatus().isOk();
    }
}
