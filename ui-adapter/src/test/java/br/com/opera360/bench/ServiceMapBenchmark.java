package br.com.opera360.bench;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Uf;
import br.com.opera360.kernel.service.Address;
import br.com.opera360.kernel.service.Designation;
import br.com.opera360.kernel.service.Location;
import br.com.opera360.kernel.service.RegisterService;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.kernel.service.BoundingBox;
import br.com.opera360.kernel.service.FindServiceMap;
import br.com.opera360.kernel.service.MapCircle;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with:
 * {@code ./mvnw -B -o -pl ui-adapter -am verify -Dtest=ServiceMapBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * ({@code -Dbench.services=N} for another size, {@code -Dbench.requests=} measured and {@code -Dbench.warmup=} warm-up
 * rounds). Ingests N services for one account through the command bus (the commands ingestion sends), waits for
 * both read models, then times the map query and a filtered list query through the portal endpoints (HTTP, bearer
 * login, security, query bus) next to a raw Spring Data query of the same data in the same run. Reports p50/mean to stdout and target/bench/service-map.txt; ratio = raw p50 / endpoint p50.
 */
class ServiceMapBenchmark extends ApiTest {
    static final int SERVICES = Integer.getInteger("bench.services", 50_000);
    static final int CEPS = Integer.getInteger("bench.ceps", 2_500);
    static final int REQUESTS = Integer.getInteger("bench.requests", 100);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);

    record Center(Uf uf, String city, String street, int firstCep, double lat, double lon) {
    }

    static final List<Center> CENTERS = List.of(
            new Center(Uf.SP, "São Paulo", "Rua da Consolação", 1000000, -23.55, -46.63),
            new Center(Uf.SP, "São José dos Campos", "Av. São João", 12200000, -23.20, -45.88),
            new Center(Uf.SP, "Ribeirão Preto", "Av. Presidente Vargas", 14000000, -21.18, -47.81),
            new Center(Uf.RJ, "Rio de Janeiro", "Rua Primeiro de Março", 20000000, -22.90, -43.17),
            new Center(Uf.MG, "Belo Horizonte", "Av. João Pinheiro", 30100000, -19.92, -43.94),
            new Center(Uf.BA, "Salvador", "Av. Tancredo Neves", 40000000, -12.97, -38.50),
            new Center(Uf.PE, "Recife", "Rua do Bom Jesus", 50000000, -8.05, -34.88),
            new Center(Uf.PR, "Curitiba", "Rua Marechal Deodoro", 80000000, -25.43, -49.27),
            new Center(Uf.RS, "Porto Alegre", "Av. Ipiranga", 90000000, -30.03, -51.22),
            new Center(Uf.GO, "Goiânia", "Av. Anhanguera", 74000000, -16.68, -49.25));
    static final String[] TYPES = {"Link Dedicado", "MPLS", "Internet Banda Larga", "SD-WAN"};
    static final ServiceStatus[] STATUSES = ServiceStatus.values();

    @Autowired
    CommandGateway commands;
    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    QueryGateway queries;
    @Autowired
    ReactiveMongoTemplate reactiveMongo;
    @Autowired
    @Qualifier("portalAuthentication")
    ReactiveAuthenticationManager portalAuthentication;

    record Result(String name, double p50Ms, double meanMs, int rows) {
        @Override
        public String toString() {
            return String.format("%-58s p50 %8.2f ms   mean %8.2f ms   rows %6d", name, p50Ms, meanMs, rows);
        }
    }

    @Test
    void map_and_filtered_list_for_an_account_with_many_services() throws Exception {
        var account = newAccount();
        var acc = new AccountId(account.accountId());
        long ingestStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < SERVICES; i += 2) commands.sendAndWait(registration(acc, i));
                }));
            }
            for (var f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        double ingestSeconds = Latencies.secondsSince(ingestStart);

        long located = SERVICES - SERVICES / 20;
        long projectionStart = System.nanoTime();
        while (mongo.count(query(where("accountId").is(acc.value())), "services") < SERVICES
                || sumOfCounts(acc.value()) < located) {
            Thread.sleep(200);
        }
        double catchUpSeconds = Latencies.secondsSince(projectionStart);

        String token = loginAsAdmin(account);
        WebTestClient client = web.mutate().responseTimeout(Duration.ofMinutes(1)).build();
        // the state of São Paulo: three of the ten centres
        String bbox = "-48.5,-24.5,-44.5,-20.5";
        Criteria mapCriteria = where("accountId").is(acc.value()).and("lat").gte(-24.5).lte(-20.5).and("lon").gte(-48.5).lte(-44.5);
        String listUri = "/api/services?state=SP&status=ACTIVE&city=sao&serviceType=MPLS&page=3&size=20";
        Criteria listCriteria = where("accountId").is(acc.value()).and("cityKey").regex(Pattern.compile(Pattern.quote("sao")))
                .and("address.state").is("SP").and("status").in("ACTIVE").and("serviceType").in("MPLS");

        // what a portal client does: one HTTP request, the JSON parsed (WebTestClient adds its own recording on top)
        // HTTP/1.1 as the server speaks it (the default client would offer an h2c upgrade the server ignores)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var netty = reactor.netty.http.client.HttpClient.create().baseUrl("http://localhost:" + port)
                                                          .headers(h -> h.add("Authorization", "Bearer " + token));
        ObjectMapper json = new ObjectMapper();
        var external = ExternalHttpClient.Driver.start(port, token); // ended after the measurement
        URI mapUri = URI.create("http://localhost:" + port + "/api/services/map?bbox=" + bbox);
        URI listHttpUri = URI.create("http://localhost:" + port + listUri);
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("map: GET /api/services/map (endpoint)", () -> client.get().uri("/api/services/map?bbox=" + bbox)
                .headers(bearer(token)).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody().size()));
        candidates.add(new Candidate("map: GET /api/services/map (endpoint, plain HTTP client)", () -> json.readTree(
                http.send(HttpRequest.newBuilder(mapUri).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body()).size()));
        candidates.add(new Candidate("map: GET /api/services/map (endpoint, Reactor Netty client)", () -> json.readTree(
                netty.get().uri("/api/services/map?bbox=" + bbox).responseSingle((res, body) -> body.asByteArray()).block()).size()));
        candidates.add(new Candidate("map: GET /api/services/map (endpoint, client in its own JVM)",
                () -> external.get("/api/services/map?bbox=" + bbox, null)));
        candidates.add(new Candidate("map: raw Spring Data find on service_map", () -> {
            var q = query(mapCriteria).with(Sort.by("_id"));
            q.fields().include("cep", "lat", "lon", "count");
            return mongo.find(q, Document.class, "service_map").size();
        }));
        candidates.add(new Candidate("map: query bus in process (no HTTP)", () -> queries.query(new FindServiceMap(acc,
                new BoundingBox(-48.5, -24.5, -44.5, -20.5)), ResponseTypes.multipleInstancesOf(MapCircle.class)).get().size()));
        candidates.add(new Candidate("map: raw reactive Spring Data find on service_map", () -> {
            var q = query(mapCriteria).with(Sort.by("_id"));
            q.fields().include("cep", "lat", "lon", "count");
            return reactiveMongo.find(q, Document.class, "service_map").collectList().block().size();
        }));
        candidates.add(new Candidate("baseline: GET /api/me (HTTP + bearer auth + user and account)", () -> {
            client.get().uri("/api/me").headers(bearer(token)).exchange().expectStatus().isOk().expectBody(Map.class);
            return 1;
        }));
        candidates.add(new Candidate("baseline: GET /actuator/health/liveness (HTTP, no auth)", () -> {
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody(Map.class);
            return 1;
        }));
        candidates.add(new Candidate("baseline: GET /actuator/health/liveness (client in its own JVM)",
                () -> external.get("/actuator/health/liveness", null)));
        candidates.add(new Candidate("baseline: GET /api/functionalities (client in its own JVM)",
                () -> external.get("/api/functionalities", null)));
        candidates.add(new Candidate("baseline: GET /api/functionalities (HTTP + bearer auth)", () -> {
            client.get().uri("/api/functionalities").headers(bearer(token)).exchange().expectStatus().isOk().expectBody(List.class);
            return 1;
        }));
        candidates.add(new Candidate("baseline: bearer auth alone, in process (session, access)", () -> {
            portalAuthentication.authenticate(new UsernamePasswordAuthenticationToken("bearer", token)).block();
            return 1;
        }));
        candidates.add(new Candidate("map: raw $group by CEP over services (no CEP view)", () -> mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(where("accountId").is(acc.value()).and("lat").ne(null)),
                Aggregation.group("address.cep").count().as("count").avg("lat").as("lat").avg("lon").as("lon"),
                Aggregation.match(where("lat").gte(-24.5).lte(-20.5).and("lon").gte(-48.5).lte(-44.5))),
                "services", Document.class).getMappedResults().size()));
        candidates.add(new Candidate("list: GET /api/services?state&status&city&serviceType (endpoint)", () -> {
            Map<?, ?> page = client.get().uri(listUri).headers(bearer(token)).exchange().expectStatus().isOk()
                                   .expectBody(Map.class).returnResult().getResponseBody();
            return ((List<?>) page.get("items")).size();
        }));
        candidates.add(new Candidate("list: GET /api/services?... (endpoint, plain HTTP client)", () -> json.readTree(
                http.send(HttpRequest.newBuilder(listHttpUri).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body()).path("items").size()));
        candidates.add(new Candidate("list: GET /api/services?... (endpoint, client in its own JVM)",
                () -> external.get(listUri, "items")));
        candidates.add(new Candidate("list: raw Spring Data count + find page", () -> {
            long total = mongo.count(query(listCriteria), "services");
            var q = query(listCriteria).with(Sort.by("designationKey", "_id")).skip(60).limit(20);
            q.fields().exclude("history");
            return mongo.find(q, Document.class, "services").size() + (total > 0 ? 0 : -1);
        }));

        List<Result> results;
        try (external) {
            results = measure(candidates);
        }
        double projectionSeconds = replayServiceProjection(acc.value());
        StringBuilder report = new StringBuilder()
                .append(String.format("Services: %d for one account (%d CEPs, %d located), %d requests each%n", SERVICES, CEPS, located, REQUESTS))
                .append(String.format("Ingestion through the command bus: %.1f s (%.0f services/s); read models caught up %.1f s later%n",
                        ingestSeconds, SERVICES / ingestSeconds, catchUpSeconds))
                .append(String.format("Projection of the %d services from their events (replay of the service group, both read models, until caught up): %.1f s (target <= 30), read store: %s%n",
                        SERVICES, projectionSeconds, System.getProperty("opera360.embedded.read-store", "indexed")));
        results.forEach(r -> report.append(r).append(System.lineSeparator()));
        double rawMap = p50(results, "map: raw Spring Data find");
        double rawList = p50(results, "list: raw Spring Data");
        report.append(String.format("ratio raw/endpoint (p50), client in its own JVM: map %.2f, list %.2f (target >= 0.5)%n",
                rawMap / p50(results, "map: GET /api/services/map (endpoint, client in its own JVM"),
                rawList / p50(results, "list: GET /api/services?... (endpoint, client in its own JVM")));
        report.append(String.format("ratio raw/endpoint (p50), Reactor Netty client: map %.2f%n",
                rawMap / p50(results, "map: GET /api/services/map (endpoint, Reactor Netty")));
        report.append(String.format("ratio raw/endpoint (p50), plain HTTP client: map %.2f, list %.2f%n",
                rawMap / p50(results, "map: GET /api/services/map (endpoint, plain"),
                rawList / p50(results, "list: GET /api/services?... (endpoint, plain")));
        report.append(String.format("ratio raw/endpoint (p50), WebTestClient:      map %.2f, list %.2f%n",
                rawMap / p50(results, "map: GET /api/services/map (endpoint)"),
                rawList / p50(results, "list: GET /api/services?state")));
        System.out.println(report);
        Path out = Path.of("target/bench/service-map.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertThat(results.subList(0, 5)).extracting(Result::rows).containsOnly(results.get(4).rows()); // four clients and the raw query
    }

    private long sumOfCounts(String accountId) {
        var result = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(where("accountId").is(accountId)),
                Aggregation.group().sum("count").as("total")), "service_map", Document.class).getUniqueMappedResult();
        return result == null ? 0 : ((Number) result.get("total")).longValue();
    }

    static RegisterService registration(AccountId account, int i) {
        int cepIndex = i % CEPS;
        Center c = CENTERS.get(cepIndex % CENTERS.size());
        String cep = String.format("%08d", c.firstCep() + cepIndex * 10);
        double lat = c.lat() + ((cepIndex * 7919L) % 1000 - 500) * 0.0005 + (i % 7) * 0.00001;
        double lon = c.lon() + ((cepIndex * 104729L) % 1000 - 500) * 0.0005 + (i % 5) * 0.00001;
        var address = new Address(c.street(), String.valueOf(1 + i % 2000), null, "Centro", c.city(), c.uf(), new Cep(cep));
        return RegisterService.of(account, new Designation(String.format("BENCH-%06d", i)), TYPES[i % TYPES.length],
                "CT-" + (i % 50), "CLI-" + (i % 200), 10 * (1 + i % 100), STATUSES[(i / 4) % STATUSES.length], null, address,
                i % 20 == 19 ? null : new Location(lat, lon));
    }

    interface Call {
        int run() throws Exception;
    }

    private static double p50(List<Result> results, String namePrefix) {
        return results.stream().filter(r -> r.name().startsWith(namePrefix)).findFirst().orElseThrow().p50Ms();
    }

    /** One run of a candidate: its time and the rows it returned. */
    record Sample(long nanos, int rows) {
    }

    interface Sampler {
        Sample sample() throws Exception;
    }

    record Candidate(String name, Sampler sampler) {
        /** Timed here, around the call. */
        Candidate(String name, Call call) {
            this(name, (Sampler) () -> {
                long start = System.nanoTime();
                int rows = call.run();
                return new Sample(System.nanoTime() - start, rows);
            });
        }
    }

    /**
     * Interleaved: every round runs each candidate once, so a burst of load on this shared machine hits all of them
     * alike and the ratios stay meaningful even when the absolute figures do not.
     */
    private static List<Result> measure(List<Candidate> candidates) throws Exception {
        int[] rows = new int[candidates.size()];
        long[][] nanos = new long[candidates.size()][REQUESTS];
        // steady state, as a long-running server is measured: the JIT compiles the request path only after some
        // hundreds of calls (the raw query's shorter path is compiled sooner, so a short warm-up flatters it);
        // the reference $group gets a short warm-up only, it is not part of a ratio
        for (int warmup = 0; warmup < WARMUP; warmup++) {
            for (int c = 0; c < candidates.size(); c++) {
                if (warmup < 5 || !candidates.get(c).name().contains("$group")) rows[c] = candidates.get(c).sampler().sample().rows();
            }
        }
        for (int i = 0; i < REQUESTS; i++) {
            for (int c = 0; c < candidates.size(); c++) {
                Sample sample = candidates.get(c).sampler().sample();
                nanos[c][i] = sample.nanos();
                rows[c] = sample.rows();
            }
        }
        List<Result> results = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            var latencies = Latencies.of(nanos[c]);
            results.add(new Result(candidates.get(c).name(), latencies.percentileMs(50), latencies.meanMs(), rows[c]));
        }
        return results;
    }

    /**
     * Projects every service again from the event store (the ops replay of the "service" group: list and map read
     * models) and answers the seconds until the new generation serves, holds every service and has caught up.
     */
    @SuppressWarnings("unchecked")
    private double replayServiceProjection(String accountId) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Object> started = web.post().uri("/api/ops/projections/service/replay").header("X-Api-Key", API_KEY)
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        int generation = ((Number) started.get("generation")).intValue();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (true) {
            List<Map<String, Object>> list = web.get().uri("/api/ops/projections").header("X-Api-Key", API_KEY).exchange()
                    .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            var service = list.stream().filter(p -> "service".equals(p.get("name"))).findFirst().orElseThrow();
            if (((Number) service.get("generation")).intValue() == generation && !Boolean.TRUE.equals(service.get("replaying"))
                    && ((Number) service.get("lag")).longValue() == 0) break;
            assertThat(Instant.now()).as("service projection: %s", service).isBefore(deadline);
            Thread.sleep(50);
        }
        double seconds = Latencies.secondsSince(start);
        long count = mongo.count(query(where("accountId").is(accountId)),
                br.com.opera360.query.common.ReadModelGenerations.collection("service", "services"));
        assertThat(count).as("services in the rebuilt generation").isEqualTo(SERVICES);
        return seconds;
    }
}
