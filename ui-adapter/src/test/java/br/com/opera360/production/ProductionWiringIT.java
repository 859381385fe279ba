package br.com.opera360.production;

import br.com.opera360.Opera360Application;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.Outbox;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile against a real Axon Server (events, commands, queries) and a real MongoDB (single-node
 * replica set: read models, tokens, credentials), the images docker-compose.yml runs. Without SMTP the outbox
 * adapter writes the e-mails, as in production without {@code spring.mail.host}. Skipped where Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = Opera360Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
class ProductionWiringIT {
    static final String AXON_SERVER_IMAGE = "axoniq/axonserver:2024.2.4-jdk-17";
    static final String MONGO_IMAGE = "mongo:7.0";
    private static final String API_KEY = "production-wiring-test-key";
    private static final Path DATA_DIR = Path.of("target/production-wiring/" + UUID.randomUUID()).toAbsolutePath();

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer(DockerImageName.parse(AXON_SERVER_IMAGE))
            .withDevMode(true);

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("axon.axonserver.servers", AXON_SERVER::getAxonServerAddress);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("opera360") + "?w=majority&journal=true");
        registry.add("opera360.ingest.api-key", () -> API_KEY);
        registry.add("opera360.data-dir", DATA_DIR::toString);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Test
    void events_commands_and_queries_go_through_axon_server_and_tokens_live_in_mongodb() {
        assertThat(context.getBeanProvider(DataSource.class).getIfAvailable()).as("a JDBC DataSource").isNull();
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);

        register(newRegistration()).expectStatus().isCreated();
        await(() -> mongo.getCollection("trackingtokens").countDocuments() > 0, "a tracking token in MongoDB");
    }

    @Test
    void health_is_up_with_mongodb_and_axon_server() {
        await(() -> web.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful(),
                "health UP");
        web.get().uri("/actuator/health").exchange()
           .expectStatus().isOk()
           .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void an_account_is_registered_once_an_identical_re_send_answers_200_and_a_different_one_409() {
        var registration = newRegistration();
        String accountId = accountIdOf(register(registration).expectStatus().isCreated());

        assertThat(accountIdOf(register(registration).expectStatus().isOk())).isEqualTo(accountId);

        var conflicting = new HashMap<>(registration);
        conflicting.put("companyName", "Outra Empresa Ltda");
        register(conflicting)
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                // the rejection's pt-BR detail travelled through Axon Server as the command's error details
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CNPJ já cadastrado"));
    }

    @Test
    void the_read_model_shows_the_account_and_the_administrator_gets_a_temporary_password() {
        var registration = newRegistration();
        String accountId = accountIdOf(register(registration).expectStatus().isCreated());
        @SuppressWarnings("unchecked")
        var administrator = (Map<String, String>) registration.get("administrator");

        // the account and its Administrator are two aggregates: the view is complete once it has both
        await(() -> {
            var view = web.get().uri("/api/ops/accounts/{id}", accountId).header("X-Api-Key", API_KEY).exchange()
                          .expectBody(Map.class).returnResult();
            return view.getStatus().is2xxSuccessful() && view.getResponseBody().get("administratorEmail") != null;
        }, "the account and its Administrator in the read model");
        web.get().uri("/api/ops/accounts/{id}", accountId).header("X-Api-Key", API_KEY).exchange()
           .expectStatus().isOk()
           .expectBody()
           .jsonPath("$.cnpj").isEqualTo(registration.get("cnpj"))
           .jsonPath("$.companyName").isEqualTo(registration.get("companyName"))
           .jsonPath("$.administratorEmail").isEqualTo(administrator.get("email"));

        String password = new Outbox(DATA_DIR.resolve("outbox")).latestTo(administrator.get("email")).temporaryPassword();
        assertThat(password).isNotBlank();
    }

    @Test
    void an_unknown_account_is_404_through_the_axon_server_query_bus() {
        web.get().uri("/api/ops/accounts/{id}", "no-such-account").header("X-Api-Key", API_KEY).exchange()
           .expectStatus().isNotFound()
           .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void concurrent_registrations_of_one_cnpj_under_different_account_ids_let_exactly_one_win() throws Exception {
        var base = newRegistration();
        int parallel = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(parallel);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            var registration = new HashMap<>(base);
            registration.put("accountId", "prod-race-" + UUID.randomUUID());
            answers.add(CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return register(registration).returnResult(String.class).getStatus().value();
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    }

    private WebTestClient.ResponseSpec register(Map<String, Object> body) {
        return web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                  .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String accountIdOf(WebTestClient.ResponseSpec response) {
        return (String) response.expectBody(Map.class).returnResult().getResponseBody().get("accountId");
    }

    private static Map<String, Object> newRegistration() {
        String cnpj = ApiTest.newCnpj();
        Map<String, Object> body = new HashMap<>();
        body.put("cnpj", cnpj);
        body.put("companyName", "Produção " + cnpj + " Ltda");
        body.put("administrator", Map.of("name", "Administradora " + cnpj, "email", "admin-" + cnpj + "@producao.com.br"));
        return body;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError(what + " did not appear within 10 s");
            sleep();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
