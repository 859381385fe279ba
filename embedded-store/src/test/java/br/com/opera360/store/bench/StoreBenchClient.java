package br.com.opera360.store.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's client in its own JVM (a portal instance is a separate process from the store in production too):
 * reads one line per request from stdin, {@code <port> <query name>}, runs that read-model query through the MongoDB
 * driver on one kept-open connection per store, and answers {@code <nanos> <rows>}. An empty line ends it.
 */
public final class StoreBenchClient {
    private StoreBenchClient() {
    }

    public static void main(String[] args) throws Exception {
        String account = args[0];
        String today = args[1];
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        java.util.Map<String, MongoClient> clients = new java.util.HashMap<>();
        String line;
        while ((line = in.readLine()) != null && !line.isBlank()) {
            String[] parts = line.strip().split(" ");
            MongoCollection<Document> invoices = clients.computeIfAbsent(parts[0],
                    port -> MongoClients.create("mongodb://127.0.0.1:" + port)).getDatabase("bench").getCollection("invoices");
            long start = System.nanoTime();
            int rows = StoreQueries.run(parts[1], invoices, account, today);
            out.println((System.nanoTime() - start) + " " + rows);
            out.flush();
        }
        clients.values().forEach(MongoClient::close);
    }

    /** The product's invoice list queries, as {@code InvoiceQueryHandler} sends them (filter, sort, page, count). */
    static final class StoreQueries {
        private StoreQueries() {
        }

        static int run(String name, MongoCollection<Document> invoices, String account, String today) {
            Document byAccount = new Document("accountId", account);
            Document sortDueDesc = new Document("dueDate", -1).append("number", -1);
            return switch (name) {
                case "first-page" -> page(invoices, byAccount, sortDueDesc, 0);
                case "page-4000" -> page(invoices, byAccount, sortDueDesc, 4000);
                case "pending-first-page" -> page(invoices, new Document("$and", List.of(byAccount,
                        new Document("state", "UNPAID").append("dueDate", new Document("$lt", today)))), sortDueDesc, 0);
                case "month-year" -> page(invoices, new Document("$and", List.of(byAccount,
                        new Document("issueDate", new Document("$gte", "2025-06-01").append("$lte", "2025-06-30")))), sortDueDesc, 0);
                case "summary" -> summary(invoices, account, today);
                default -> throw new IllegalArgumentException(name);
            };
        }

        private static int page(MongoCollection<Document> invoices, Document filter, Document sort, int page) {
            List<Document> items = invoices.find(filter).sort(sort).skip(page * 20).limit(20).into(new ArrayList<>());
            long total = invoices.countDocuments(filter);
            return items.size() + (total >= 0 ? 0 : 1);
        }

        /** One aggregation per status, as the summary sends them. */
        private static int summary(MongoCollection<Document> invoices, String account, String today) {
            int rows = 0;
            List<Document> statuses = List.of(new Document("state", "UNPAID").append("dueDate", new Document("$gte", today)),
                    new Document("state", "UNPAID").append("dueDate", new Document("$lt", today)),
                    new Document("state", "PAID"), new Document("state", "INSTALLMENT"));
            for (Document status : statuses) {
                rows += invoices.aggregate(List.of(
                        new Document("$match", new Document("$and", List.of(new Document("accountId", account), status))),
                        new Document("$group", new Document("_id", null).append("count", new Document("$sum", 1))
                                .append("amount", new Document("$sum", "$amountDueCents"))))).into(new ArrayList<>()).size();
            }
            return rows;
        }
    }
}
