package br.com.opera360.web.problem;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors anywhere in the API are RFC 9457 problem+json without internals; docs, health and metrics are served. */
class CrossCuttingApiTest extends ApiTest {

    private void assertProblem(WebTestClient.ResponseSpec spec, int status) {
        String body = spec.expectStatus().isEqualTo(status)
                          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                          .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"type\"", "\"title\"", "\"status\":" + status, "\"detail\"");
        assertThat(body).doesNotContain("Exception", "java.", "org.springframework", "org.axonframework", "\tat ", "trace");
    }

    @Test
    void an_unknown_route_is_404() {
        assertProblem(web.get().uri("/nothing/here").exchange(), 404);
        assertProblem(web.get().uri("/api/ingest/nothing").header("X-Api-Key", API_KEY).exchange(), 404);
    }

    @Test
    void a_wrong_method_is_405() {
        assertProblem(web.method(HttpMethod.DELETE).uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).exchange(), 405);
        assertProblem(web.get().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).exchange(), 405);
    }

    @Test
    void a_wrong_media_type_is_415() {
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.TEXT_PLAIN).bodyValue("cnpj=1").exchange(), 415);
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.APPLICATION_XML).bodyValue("<a/>").exchange(), 415);
    }

    @Test
    void malformed_json_is_400() {
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"cnpj\": ").exchange(), 400);
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.APPLICATION_JSON).bodyValue("[1,2]").exchange(), 400);
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.APPLICATION_JSON).exchange(), 400);
    }

    @Test
    void a_field_of_the_wrong_type_is_400_naming_the_field() {
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("cnpj", newCnpj(), "companyName", "X", "administrator", "not an object")).exchange()
           .expectStatus().isBadRequest()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("administrator");
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
           .bodyValue("{\"cnpj\": {\"a\": 1}, \"companyName\": \"X\"}").exchange()
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cnpj");
    }

    @Test
    void a_body_key_starting_with_a_dollar_sign_is_refused() {
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
           .bodyValue("{\"cnpj\": \"" + newCnpj() + "\", \"companyName\": \"X\", \"$where\": \"1 == 1\"}").exchange()
           .expectStatus().isBadRequest()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("$where");
        web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
           .bodyValue("{\"administrator\": {\"$gt\": \"\"}}").exchange()
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("administrator.$gt");
    }

    @Test
    void a_json_body_over_1_mib_is_413_whether_its_length_is_declared_or_not() {
        String big = "{\"companyName\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange(), 413);

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunked = Flux.range(0, bytes.length / 65536 + 1)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(java.util.Arrays.copyOfRange(bytes,
                        i * 65536, Math.min(bytes.length, (i + 1) * 65536))));
        assertProblem(web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                         .contentType(MediaType.APPLICATION_JSON).body(chunked, DataBuffer.class).exchange(), 413);
    }

    @Test
    void a_portal_endpoint_without_credentials_is_401() {
        assertProblem(web.get().uri("/api/me").exchange(), 401);
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.openapi").exists().jsonPath("$.paths['/api/ingest/accounts']").exists();
        var ui = web.get().uri("/swagger-ui.html").exchange().returnResult(String.class);
        assertThat(ui.getStatus().is2xxSuccessful() || ui.getStatus().is3xxRedirection()).isTrue();
        web.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void health_liveness_readiness_and_prometheus_metrics_are_served() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests",
                "opera360_projection_lag{processor=\"invoice\"}", "opera360_projection_errors{processor=\"identity\"} 0.0");
    }
}
