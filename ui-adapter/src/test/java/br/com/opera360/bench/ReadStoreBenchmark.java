package br.com.opera360.bench;

import br.com.opera360.durability.AppProcess;
import br.com.opera360.durability.JarPortal;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.InvoiceViews;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build. Run with (the jar first):
 * {@code ./mvnw -B -pl ui-adapter -am package -DskipTests && ./mvnw -B -o -pl ui-adapter -am verify -Dtest=ReadStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * ({@code -Dbench.invoices=} per account, default 100,000; {@code -Dbench.large=} the growth account, default
 * 1,000,000, {@code 0} for none; {@code -Dbench.rounds=} measured rounds on our store, default 200;
 * {@code -Dbench.warmup=} rounds before them, default 1,000: the JIT still compiled a third of the app's CPU time
 * after 300; {@code -Dbench.stock=false} skips the stock store). The latency targets are for two accounts of 100,000
 * invoices, so they are read from a run with {@code -Dbench.large=0}; the growth from a run with the 1,000,000 account.
 * <p>
 * The embedded read store through the HTTP API, the stock mongo-java-server H2 backend and ours side by side: the same
 * jar at {@code -Xmx512m} started once per store ({@code opera360.embedded.read-store=stock|indexed}), read models
 * filled by raw {@code insertMany} of view documents (two accounts of N invoices, 50,000 services and 10,000 users in
 * the first; 10,000 and 1,000,000 invoices in two more accounts for growth), then, from clients in JVMs of their own,
 * round after round: the invoice list (first page, page 4,000, {@code status=PENDING&sort=dueDate,desc}, a month),
 * the summary and {@code /api/me} through HTTP, each list query interleaved with the same find and count through the
 * MongoDB driver on the same store (the raw baseline), and the first page of the 10k, N and 1M accounts. Figures to
 * stdout and target/bench/read-store.txt.
 */
class ReadStoreBenchmark {
    static final int INVOICES = Integer.getInteger("bench.invoices", 100_000);
    static final int LARGE = Integer.getInteger("bench.large", 1_000_000);
    static final int SMALL = 10_000;
    static final int SERVICES = 50_000;
    static final int USERS = 10_000;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    static final int WARMUP = Integer.getInteger("bench.warmup", 1000);
    static final int STOCK_ROUNDS = 3;
    static final String API_KEY = "read-store-bench-key-0123456789";
    static final String TODAY = LocalDate.now(ZoneId.of("America/Sao_Paulo")).toString();

    /** Query name → path; the list queries also have their driver twin in {@link ExternalMongoClient}. */
    static final Map<String, String> LIST = new LinkedHashMap<>();

    static {
        LIST.put("first-page", "/api/invoices?page=0&size=20");
        LIST.put("page-4000", "/api/invoices?page=4000&size=20");
        LIST.put("pending", "/api/invoices?status=PENDING&sort=dueDate,desc&page=0&size=20");
        LIST.put("month", "/api/invoices?year=2025&month=6&page=0&size=20");
    }

    @AfterEach
    void killLeftovers() {
        AppProcess.killAll();
    }

    @Test
    void the_read_store_through_http_stock_and_ours() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format("Read store through HTTP: 2 accounts x %,d invoices, %,d services and %,d users in the first; growth accounts of %,d and %,d invoices; app at -Xmx512m, clients in their own JVMs; today %s",
                INVOICES, SERVICES, USERS, SMALL, LARGE, TODAY));
        if (!"false".equals(System.getProperty("bench.stock"))) report.addAll(run("stock", STOCK_ROUNDS, 1, false));
        report.addAll(run("indexed", ROUNDS, WARMUP, true));
        report.forEach(System.out::println);
        Path out = Path.of("target", "bench", "read-store.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
    }

    private List<String> run(String store, int rounds, int warmup, boolean withLarge) throws Exception {
        Path work = Path.of("target", "bench", "read-store-" + store).toAbsolutePath();
        deleteRecursively(work);
        Path jar = AppProcess.neutralCopy(Path.of(System.getProperty("opera360.jar", "target/opera360.jar")).toAbsolutePath(), work);
        Path data = work.resolve("data");
        int mongoPort = AppProcess.freePort();
        var app = AppProcess.start(jar, data, API_KEY, work.resolve("app.log"), Map.of(
                "OPERA360_EMBEDDED_MONGO_PORT", String.valueOf(mongoPort), "OPERA360_EMBEDDED_READ_STORE", store));
        var portal = new JarPortal(app.baseUrl(), API_KEY, data.resolve("outbox"));
        app.awaitHealthy(portal.http(), Duration.ofMinutes(3));
        List<String> lines = new ArrayList<>();

        var main = portal.registerAccount(ApiTest.newCnpj());
        var other = portal.registerAccount(ApiTest.newCnpj());
        var small = portal.registerAccount(ApiTest.newCnpj());
        var large = withLarge ? portal.registerAccount(ApiTest.newCnpj()) : null;
        String mainToken = portal.signInAdministrator(main.adminEmail());
        String smallToken = portal.signInAdministrator(small.adminEmail());
        String largeToken = withLarge ? portal.signInAdministrator(large.adminEmail()) : null;

        long start = System.nanoTime();
        InvoiceViews.fill(mongoPort, main.accountId(), INVOICES, InvoiceViews.Shape.MIXED);
        InvoiceViews.fill(mongoPort, other.accountId(), INVOICES, InvoiceViews.Shape.MIXED);
        InvoiceViews.fill(mongoPort, small.accountId(), SMALL, InvoiceViews.Shape.MIXED);
        fillServices(mongoPort, main.accountId());
        fillUsers(mongoPort, main.accountId());
        lines.add(String.format("[%s] filled 2 x %,d + %,d invoices, %,d services, %,d users in %.1f s", store, INVOICES, SMALL,
                SERVICES, USERS, Latencies.secondsSince(start)));
        if (withLarge) {
            start = System.nanoTime();
            InvoiceViews.fill(mongoPort, large.accountId(), LARGE, InvoiceViews.Shape.MIXED);
            lines.add(String.format("[%s] filled %,d invoices in one more account in %.1f s", store, LARGE, Latencies.secondsSince(start)));
        }

        Map<String, long[]> http = new LinkedHashMap<>();
        Map<String, long[]> raw = new LinkedHashMap<>();
        try (var client = ExternalHttpClient.Driver.start(app.port(), mainToken);
             var smallClient = ExternalHttpClient.Driver.start(app.port(), smallToken);
             var largeClient = withLarge ? ExternalHttpClient.Driver.start(app.port(), largeToken) : null;
             var driver = ExternalMongoClient.Driver.start(mongoPort)) {
            for (int r = -warmup; r < rounds; r++) {
                for (var q : LIST.entrySet()) {
                    var answer = client.get(q.getValue(), "items");
                    assertThat(answer.rows()).as(q.getKey()).isEqualTo(q.getKey().equals("page-4000") && INVOICES < 80_020 ? 0 : 20);
                    record(http, q.getKey(), r, rounds, answer.nanos());
                    record(raw, q.getKey(), r, rounds, driver.run(q.getKey(), main.accountId(), TODAY).nanos());
                }
                record(http, "summary", r, rounds, client.get("/api/invoices/summary", null).nanos());
                record(http, "me", r, rounds, client.get("/api/me", null).nanos());
                // the HTTP floor: the cheapest answer of the same server to the same client (no authentication, no store)
                record(http, "http-floor", r, rounds, client.get("/actuator/health/liveness", null).nanos());
                record(http, "growth " + SMALL, r, rounds, smallClient.get(LIST.get("first-page"), "items").nanos());
                if (largeClient != null) record(http, "growth " + LARGE, r, rounds, largeClient.get(LIST.get("first-page"), "items").nanos());
            }
        }
        app.stop();

        lines.add(String.format("[%s] %d measured rounds after %d warm-up rounds", store, rounds, warmup));
        for (var e : http.entrySet()) {
            Latencies h = Latencies.of(e.getValue());
            Latencies d = raw.containsKey(e.getKey()) ? Latencies.of(raw.get(e.getKey())) : null;
            // a request that did nothing but the driver's find + count would still pay the floor: the ratio's ceiling
            double floor = Latencies.of(http.get("http-floor")).mean();
            String driverPart = d == null ? "" : String.format(" | driver p50 %9.2f ms p99 %9.2f ms | throughput http/driver %.2f (ceiling with the HTTP floor %.2f)",
                    d.percentileMs(50), d.percentileMs(99), d.mean() / h.mean(), d.mean() / (floor + d.mean()));
            lines.add(String.format(Locale.ROOT, "[%s] %-14s http p50 %9.2f ms p99 %9.2f ms (p99/p50 %.1f)%s", store, e.getKey(),
                    h.percentileMs(50), h.percentileMs(99), (double) h.percentile(99) / h.percentile(50), driverPart));
        }
        long smallP50 = Latencies.of(http.get("growth " + SMALL)).percentile(50);
        lines.add(String.format("[%s] growth of the first page: %,d -> %,d invoices x%.2f%s", store, SMALL, INVOICES,
                (double) Latencies.of(http.get("first-page")).percentile(50) / smallP50,
                withLarge ? String.format(", %,d -> %,d invoices x%.2f (target <= 2)", SMALL, LARGE,
                        (double) Latencies.of(http.get("growth " + LARGE)).percentile(50) / smallP50) : ""));
        return lines;
    }

    private static void record(Map<String, long[]> samples, String name, int round, int rounds, long nanos) {
        if (round < 0) return;
        samples.computeIfAbsent(name, k -> new long[rounds])[round] = nanos;
    }

    static void fillServices(int mongoPort, String accountId) {
        String[] types = {"Link Dedicado", "MPLS", "Rede Privada", "Internet Empresas"};
        String[] states = {"SP", "RJ", "MG", "PR", "RS", "BA"};
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var services = client.getDatabase("opera360").getCollection("services");
            List<Document> batch = new ArrayList<>(5_000);
            for (int i = 0; i < SERVICES; i++) {
                String designation = String.format("SVC-%06d", i);
                String city = "Cidade " + (i % 200);
                batch.add(new Document("_id", accountId + ":" + designation).append("accountId", accountId)
                        .append("designation", designation).append("designationKey", designation.toLowerCase(Locale.ROOT))
                        .append("serviceType", types[i % types.length]).append("contract", "CT-" + (i % 500))
                        .append("clientCode", "CL-" + (i % 300)).append("speedMbps", 100 * (1 + i % 10))
                        .append("status", "ACTIVE").append("activatedOn", "2024-01-01")
                        .append("address", new Document("street", "Rua " + i).append("number", "1").append("complement", null)
                                .append("district", "Centro").append("city", city).append("state", states[i % states.length])
                                .append("cep", String.format("%08d", 1_000_000 + i % 2_500)))
                        .append("cityKey", city.toLowerCase(Locale.ROOT)).append("lat", -23.5 + (i % 100) / 100.0)
                        .append("lon", -46.6 + (i % 100) / 100.0).append("history", List.of()).append("version", 0L));
                if (batch.size() == 5_000) {
                    services.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) services.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    static void fillUsers(int mongoPort, String accountId) {
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var users = client.getDatabase("opera360").getCollection("users");
            List<Document> batch = new ArrayList<>(USERS);
            for (int i = 0; i < USERS; i++) {
                String name = "Usuária " + i;
                batch.add(new Document("_id", "bench-user-" + i).append("accountId", accountId).append("name", name)
                        .append("email", "user" + i + "@cliente.com.br").append("phone", null).append("cpf", null)
                        .append("profileId", "bench-profile").append("administrator", false).append("status", "ACTIVE")
                        .append("createdAt", java.util.Date.from(Instant.parse("2025-01-01T12:00:00Z"))).append("lastLoginAt", null)
                        .append("nameKey", name.toLowerCase(Locale.ROOT)).append("emailKey", "user" + i + "@cliente.com.br")
                        .append("version", 0L));
            }
            users.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
