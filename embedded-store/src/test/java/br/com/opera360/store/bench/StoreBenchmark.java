package br.com.opera360.store.bench;

import br.com.opera360.store.IndexedH2Backend;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with
 * {@code ./mvnw -B -o -pl embedded-store test -Dtest=StoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.invoices=N} invoices in each of two accounts, default 100,000; {@code -Dbench.rounds}).
 * <p>
 * The stock H2 backend and ours, each on its own file with the indexes the product declares for invoices, hold the
 * same documents; a client in its own JVM ({@link StoreBenchClient}) sends the product's invoice list queries to both,
 * interleaved round by round, and reports p50/p99 per store and the ratio stock/ours. Output: stdout and
 * {@code target/bench/store.txt}.
 */
class StoreBenchmark {
    private static final String TODAY = "2026-03-10";
    private static final List<String> QUERIES = List.of("first-page", "page-4000", "pending-first-page", "month-year", "summary");

    @Test
    void product_invoice_queries_on_the_stock_store_and_ours() throws Exception {
        int invoices = Integer.getInteger("bench.invoices", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 30);
        int stockRounds = Integer.getInteger("bench.stock-rounds", 3);
        Path dir = Files.createDirectories(Path.of("target/bench/store-" + System.nanoTime()));
        Map<String, AbstractMongoBackend> backends = new LinkedHashMap<>();
        backends.put("stock", new H2Backend(dir.resolve("stock.mv").toString()));
        backends.put("ours", IndexedH2Backend.open(dir.resolve("ours.mv")));
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<MongoServer> servers = new ArrayList<>();
        StringBuilder report = new StringBuilder("invoices per account: " + invoices + ", 2 accounts\n");
        for (var e : backends.entrySet()) {
            MongoServer server = new MongoServer(e.getValue());
            servers.add(server);
            int port = server.bind().getPort();
            ports.put(e.getKey(), port);
            long load = load(port, invoices);
            report.append(String.format("load %-5s %8.1f s (%,.0f docs/s)%n", e.getKey(), load / 1e9, 2.0 * invoices / (load / 1e9)));
        }
        try (Client client = Client.start("acc-1", TODAY)) {
            for (var store : ports.entrySet()) {
                int n = store.getKey().equals("stock") ? stockRounds : rounds;
                for (String q : QUERIES) client.time(store.getValue(), q); // warm-up
                for (String q : QUERIES) {
                    long[] samples = new long[n];
                    for (int r = 0; r < n; r++) samples[r] = client.time(store.getValue(), q);
                    Arrays.sort(samples);
                    report.append(String.format("%-5s %-20s p50 %9.2f ms  p99 %9.2f ms%n", store.getKey(), q,
                            samples[n / 2] / 1e6, samples[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6));
                }
            }
        } finally {
            servers.forEach(MongoServer::shutdownNow);
        }
        System.out.println(report);
        Files.writeString(Path.of("target/bench/store.txt"), report.toString());
    }

    /** Two accounts of invoice views shaped like the product's, with the product's invoice indexes. */
    private static long load(int port, int perAccount) {
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> invoices = client.getDatabase("bench").getCollection("invoices");
            for (String sortField : new String[]{"dueDate", "issueDate", "totalCents"}) {
                invoices.createIndex(covering(new Document("accountId", 1), sortField), new IndexOptions().name("account_" + sortField + "_filters"));
                invoices.createIndex(covering(new Document("accountId", 1).append("state", 1), sortField),
                        new IndexOptions().name("account_state_" + sortField + "_filters"));
            }
            invoices.createIndex(new Document("accountId", 1).append("issueDate", 1).append("dueDate", 1).append("totalCents", 1)
                    .append("number", 1).append("state", 1), new IndexOptions().name("account_issued_filters"));
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>(1000);
            for (int a = 1; a <= 2; a++) {
                for (int i = 0; i < perAccount; i++) {
                    java.time.LocalDate due = java.time.LocalDate.of(2023, 1, 1).plusDays(i % 1200);
                    String state = i % 5 == 0 ? "PAID" : i % 17 == 0 ? "INSTALLMENT" : "UNPAID";
                    batch.add(new Document("_id", "acc-" + a + ":" + i).append("accountId", "acc-" + a)
                            .append("number", String.format("%09d", i)).append("issueDate", due.minusDays(20).toString())
                            .append("dueDate", due.toString()).append("state", state).append("totalCents", 10_000L + (i * 37L) % 90_000)
                            .append("amountDueCents", state.equals("PAID") ? 0L : 10_000L + (i * 37L) % 90_000)
                            .append("issuer", "Operadora").append("version", 0L)
                            .append("items", List.of(new Document("designation", "LINK-" + i).append("amountCents", 10_000L))));
                    if (batch.size() == 1000) {
                        invoices.insertMany(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) invoices.insertMany(batch);
            return System.nanoTime() - start;
        }
    }

    private static Document covering(Document prefix, String sortField) {
        Document keys = new Document(prefix).append(sortField, 1).append("number", 1);
        for (String f : new String[]{"state", "issueDate", "dueDate", "totalCents", "amountDueCents"}) if (!f.equals(sortField)) keys.append(f, 1);
        return keys;
    }

    /** The child JVM, driven line by line. */
    private record Client(Process process, PrintStream in, BufferedReader out) implements AutoCloseable {
        static Client start(String account, String today) throws IOException {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), StoreBenchClient.class.getName(), account, today)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Client(p, new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }

        long time(int port, String query) throws IOException {
            in.println(port + " " + query);
            String answer = out.readLine();
            if (answer == null) throw new IllegalStateException("the benchmark client stopped");
            return Long.parseLong(answer.split(" ")[0]);
        }

        @Override
        public void close() throws Exception {
            in.println();
            process.waitFor();
        }
    }
}
