package br.com.opera360.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw baseline of {@link ReadStoreBenchmark}: the invoice list's own store queries (the page's find with its sort,
 * skip and limit, then its count, exactly the filters {@code InvoiceQueryHandler} builds) sent through the MongoDB
 * Java driver straight to the application's embedded store, from a JVM of its own like {@link ExternalHttpClient}.
 * <p>
 * Protocol: each input line is {@code <query> <accountId> <today>}; the answer is {@code <nanos> <rows>}. An empty
 * line ends it.
 */
public final class ExternalMongoClient {
    private ExternalMongoClient() {
    }

    public static void main(String[] args) throws Exception {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err); // the driver's log lines must not mix with the answers
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + args[0])) {
            MongoCollection<Document> invoices = client.getDatabase("opera360").getCollection("invoices");
            String line;
            while ((line = in.readLine()) != null && !line.isBlank()) {
                String[] parts = line.strip().split(" ");
                long start = System.nanoTime();
                int rows = run(invoices, parts[0], parts[1], parts[2]);
                out.println((System.nanoTime() - start) + " " + rows);
                out.flush();
            }
        }
    }

    static int run(MongoCollection<Document> invoices, String query, String account, String today) {
        Document byAccount = new Document("accountId", account);
        return switch (query) {
            case "first-page" -> page(invoices, byAccount, 0);
            case "page-4000" -> page(invoices, byAccount, 4000);
            case "pending" -> page(invoices, and(byAccount, new Document("state", "UNPAID").append("dueDate", new Document("$lt", today))), 0);
            case "month" -> page(invoices, and(byAccount, new Document("issueDate",
                    new Document("$gte", "2025-06-01").append("$lte", "2025-06-30"))), 0);
            default -> throw new IllegalArgumentException(query);
        };
    }

    private static Document and(Document... filters) {
        return new Document("$and", List.of(filters));
    }

    private static int page(MongoCollection<Document> invoices, Document filter, int page) {
        List<Document> items = invoices.find(filter).sort(new Document("dueDate", -1).append("number", -1))
                .skip(page * 20).limit(20).into(new ArrayList<>());
        long count = invoices.countDocuments(filter);
        if (count < items.size()) throw new IllegalStateException("count " + count + " < " + items.size());
        return items.size();
    }

    /** The parent's side. */
    static final class Driver implements AutoCloseable {
        private final ChildJvm child;

        private Driver(ChildJvm child) {
            this.child = child;
        }

        static Driver start(int mongoPort) throws IOException {
            return new Driver(ChildJvm.start(ExternalMongoClient.class, String.valueOf(mongoPort)));
        }

        ServiceMapBenchmark.Sample run(String query, String account, String today) throws IOException {
            String[] parts = child.ask(query + " " + account + " " + today);
            return new ServiceMapBenchmark.Sample(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
        }

        @Override
        public void close() {
            child.close();
        }
    }
}
