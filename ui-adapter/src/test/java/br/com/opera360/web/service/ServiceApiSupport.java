package br.com.opera360.web.service;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Service requests (bodies: {@link br.com.opera360.testing.IngestBodies}) and waits for the (eventually consistent) read models. */
abstract class ServiceApiSupport extends ApiTest {

    /** The build machine is shared: a first request (JIT, BCrypt) may take longer than WebTestClient's 5 s. */
    @BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient.ResponseSpec register(Map<String, ?> body) {
        return ingest("/api/ingest/services", body);
    }

    WebTestClient.ResponseSpec patch(String designation, Map<String, ?> body) {
        return web.patch().uri("/api/ingest/services/{d}", designation).header("X-Api-Key", API_KEY)
                  .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(bearer(token)).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String token, String uri, Object... vars) {
        return get(token, uri, vars).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> array(String token, String uri, Object... vars) {
        return get(token, uri, vars).expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    /** Polls until the answer satisfies {@code done} (ingestion is visible within 1 s; 5 s here for slow machines). */
    <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            T value = read.get();
            if (done.test(value)) return value;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("read model never reached the expected state: " + value);
            sleep(30);
        }
    }

    /** The service's detail once its history has {@code entries} entries. */
    @SuppressWarnings("unchecked")
    Map<String, Object> awaitHistory(String token, String designation, int entries) {
        return await(() -> {
            var result = get(token, "/api/services/{d}", designation).expectBody(Map.class).returnResult();
            return result.getStatus().is2xxSuccessful() ? (Map<String, Object>) result.getResponseBody() : Map.<String, Object>of();
        }, d -> d.get("history") instanceof List<?> h && h.size() >= entries);
    }

    /** The list answer once it counts {@code total} items. */
    Map<String, Object> awaitTotal(String token, String uri, long total, Object... vars) {
        return await(() -> json(token, uri, vars), page -> ((Number) page.get("totalItems")).longValue() == total);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
