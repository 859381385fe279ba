package br.com.opera360.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store promises a client: indexes that answer, in order, in batches, counted from the index, kept on disk. */
class IndexedStoreTest {
    private MongoServer server;
    private MongoClient client;
    private IndexedH2Backend backend;

    private MongoCollection<Document> start(IndexedH2Backend backend) {
        this.backend = backend;
        server = new MongoServer(backend);
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        return client.getDatabase("test").getCollection("invoices");
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (server != null) server.shutdownNow();
    }

    private static List<Document> invoices(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Document("_id", "inv-" + i).append("accountId", "acc-" + (i % 3))
                    .append("status", i % 4 == 0 ? "PAID" : "UNPAID").append("dueDay", i % 50).append("cents", (long) i * 10));
        }
        return docs;
    }

    @Test
    void a_compound_index_answers_an_equality_prefix_with_a_sorted_range_page_without_fallback() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.compoundIndex(Indexes.ascending("accountId", "status"), Indexes.descending("dueDay")));
        invoices.insertMany(invoices(3000));

        var filter = Filters.and(Filters.eq("accountId", "acc-1"), Filters.eq("status", "UNPAID"), Filters.lt("dueDay", 30));
        List<Document> page = invoices.find(filter).sort(Sorts.descending("dueDay")).skip(40).limit(20).into(new ArrayList<>());

        List<Document> expected = invoices(3000).stream()
                .filter(d -> d.get("accountId").equals("acc-1") && d.get("status").equals("UNPAID") && d.getInteger("dueDay") < 30)
                .sorted((a, b) -> Integer.compare(b.getInteger("dueDay"), a.getInteger("dueDay")))
                .toList();
        assertThat(page).extracting(d -> d.getInteger("dueDay"))
                .containsExactlyElementsOf(expected.subList(40, 60).stream().map(d -> d.getInteger("dueDay")).toList());
        assertThat(invoices.countDocuments(filter)).isEqualTo(expected.size());
        assertThat(backend.fallbackCount()).isZero();
    }

    @Test
    void an_in_before_the_sorted_key_is_merged_in_sort_order() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.ascending("accountId", "dueDay"));
        invoices.insertMany(invoices(900));

        List<Integer> days = invoices.find(Filters.in("accountId", "acc-0", "acc-2")).sort(Sorts.ascending("dueDay"))
                .limit(50).into(new ArrayList<>()).stream().map(d -> d.getInteger("dueDay")).toList();

        assertThat(days).isSorted().hasSize(50);
        assertThat(backend.fallbackCount()).isZero();
    }

    @Test
    void an_or_of_two_statuses_counts_and_pages_each_invoice_once() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.ascending("accountId", "state", "dueDay", "number", "issueDay"));
        invoices.createIndex(Indexes.ascending("accountId", "state", "issueDay", "number", "dueDay"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            docs.add(new Document("_id", i).append("accountId", "a").append("state", i % 4 == 0 ? "PAID" : "UNPAID")
                    .append("dueDay", i % 100).append("issueDay", i % 50).append("number", String.format("%04d", i)));
        }
        invoices.insertMany(docs);
        var both = Filters.and(Filters.eq("accountId", "a"), Filters.or(
                Filters.and(Filters.eq("state", "UNPAID"), Filters.gte("dueDay", 50)),
                Filters.and(Filters.eq("state", "UNPAID"), Filters.lt("dueDay", 50))));

        assertThat(invoices.countDocuments(both)).isEqualTo(300);
        assertThat(invoices.find(both).sort(Sorts.ascending("issueDay", "number")).into(new ArrayList<>())).hasSize(300);
        var overlapping = Filters.and(Filters.eq("accountId", "a"), Filters.or(
                Filters.and(Filters.eq("state", "UNPAID"), Filters.gte("issueDay", 10)),
                Filters.and(Filters.eq("state", "UNPAID"), Filters.lt("issueDay", 40))));
        assertThat(invoices.countDocuments(overlapping)).isEqualTo(300);
        assertThat(invoices.find(overlapping).sort(Sorts.descending("dueDay", "number")).skip(10).limit(500).into(new ArrayList<>())).hasSize(290);
        assertThat(invoices.find(Filters.in("_id", List.of())).into(new ArrayList<>())).isEmpty();
        assertThat(backend.fallbackCount()).isZero();
    }

    @Test
    void a_large_result_streams_in_batches_of_the_requested_size() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.ascending("accountId"));
        invoices.insertMany(invoices(3000));

        int n = 0;
        try (var cursor = invoices.find(Filters.eq("accountId", "acc-2")).batchSize(7).iterator()) {
            assertThat(backend.openCursors()).isEqualTo(1);
            while (cursor.hasNext()) {
                cursor.next();
                n++;
            }
        }
        assertThat(n).isEqualTo(1000);
        assertThat(backend.openCursors()).isZero();
    }

    @Test
    void a_query_on_an_unindexed_field_is_answered_and_counted_as_a_fallback() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.insertMany(invoices(1000));

        assertThat(invoices.countDocuments(Filters.eq("status", "PAID"))).isEqualTo(250);
        assertThat(backend.fallbackCount()).isEqualTo(1);
        assertThat(backend.fallbacks().byShape()).containsKey("test.invoices {status: ?}");
    }

    @Test
    void indexes_follow_updates_and_deletes_and_duplicates_are_refused() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.ascending("cents"), new IndexOptions().unique(true));
        invoices.createIndex(Indexes.ascending("accountId", "status"));
        invoices.insertMany(invoices(300));

        invoices.updateMany(Filters.eq("accountId", "acc-0"), Updates.set("status", "NEGOTIATED"));
        invoices.deleteMany(Filters.and(Filters.eq("accountId", "acc-1"), Filters.eq("status", "PAID")));
        assertThatThrownBy(() -> invoices.insertOne(new Document("_id", "dup").append("cents", 10L)))
                .hasMessageContaining("E11000");

        assertThat(invoices.countDocuments(Filters.and(Filters.eq("accountId", "acc-0"), Filters.eq("status", "NEGOTIATED")))).isEqualTo(100);
        assertThat(invoices.countDocuments(Filters.and(Filters.eq("accountId", "acc-1"), Filters.eq("status", "PAID")))).isZero();
        assertThat(backend.verifyIndexes()).isEmpty();
    }

    @Test
    void a_second_document_with_the_same_id_is_a_duplicate_key() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.insertOne(new Document("_id", "a").append("n", 1));
        assertThatThrownBy(() -> invoices.insertOne(new Document("_id", "a").append("n", 2))).hasMessageContaining("E11000");
        assertThat(invoices.find().into(new ArrayList<>())).extracting(d -> d.get("n")).containsExactly(1);
    }

    @Test
    void indexes_are_kept_in_the_file_and_used_after_a_restart(@TempDir Path dir) {
        var invoices = start(IndexedH2Backend.open(dir.resolve("store.mv")));
        invoices.createIndex(Indexes.ascending("accountId", "dueDay"));
        invoices.insertMany(invoices(600));
        stop();

        var reopened = start(IndexedH2Backend.open(dir.resolve("store.mv")));
        assertThat(reopened.countDocuments(Filters.and(Filters.eq("accountId", "acc-1"), Filters.gte("dueDay", 25)))).isEqualTo(100);
        assertThat(backend.fallbackCount()).isZero();
        assertThat(backend.verifyIndexes()).isEmpty();
    }

    @Test
    void partial_and_text_indexes_are_refused_when_created() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        assertThatThrownBy(() -> invoices.createIndex(Indexes.ascending("cents"),
                new IndexOptions().partialFilterExpression(Filters.eq("status", "PAID"))))
                .hasMessageContaining("partialFilterExpression");
        assertThatThrownBy(() -> invoices.createIndex(Indexes.text("status"))).hasMessageContaining("not supported");
    }

    @Test
    void an_aggregation_starting_with_match_reads_through_the_index() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.ascending("accountId", "status"));
        invoices.insertMany(invoices(3000));

        var totals = invoices.aggregate(List.of(
                new Document("$match", new Document("accountId", "acc-0").append("status", "UNPAID")),
                new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))))).first();

        assertThat(totals.getInteger("n")).isEqualTo(750);
        assertThat(backend.fallbackCount()).isZero();
    }

    @Test
    void totals_over_the_index_keys_give_the_stock_sums_and_types() {
        var invoices = start(IndexedH2Backend.inMemoryStore());
        invoices.createIndex(Indexes.ascending("accountId", "status", "amount", "rate"));
        invoices.insertMany(List.of(
                new Document("_id", 1).append("accountId", "a").append("status", "UNPAID").append("amount", Integer.MAX_VALUE).append("rate", 1),
                new Document("_id", 2).append("accountId", "a").append("status", "UNPAID").append("amount", 5).append("rate", 0.5),
                new Document("_id", 3).append("accountId", "a").append("status", "UNPAID").append("rate", "n/a"),
                new Document("_id", 4).append("accountId", "a").append("status", "PAID").append("amount", 7).append("rate", 2),
                new Document("_id", 5).append("accountId", "b").append("status", "UNPAID").append("amount", 9).append("rate", 3)));
        var group = new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))
                .append("amount", new Document("$sum", "$amount")).append("rate", new Document("$sum", "$rate")));

        Document unpaid = invoices.aggregate(List.of(new Document("$match",
                new Document("accountId", "a").append("status", "UNPAID")), group)).first();
        Document paid = invoices.aggregate(List.of(new Document("$match",
                new Document("accountId", "a").append("status", "PAID")), group)).first();
        Document none = invoices.aggregate(List.of(new Document("$match",
                new Document("accountId", "c").append("status", "PAID")), group)).first();

        // an int sum that overflows becomes a long; a double makes it a double; what is not a number is left out
        assertThat(unpaid).isEqualTo(new Document("_id", null).append("n", 3).append("amount", Integer.MAX_VALUE + 5L).append("rate", 1.5));
        assertThat(paid).isEqualTo(new Document("_id", null).append("n", 1).append("amount", 7).append("rate", 2));
        assertThat(none).isNull();
        assertThat(backend.fallbackCount()).isZero();
    }

    @Test
    void collection_stats_count_the_same_size_as_the_stock_engine_after_inserts_updates_and_deletes(@TempDir Path dir) {
        // summed when asked instead of tracked on each write: the same figure, including documents read back from the file
        var stockServer = new MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
        var stockAddress = stockServer.bind();
        try (var stockClient = MongoClients.create("mongodb://" + stockAddress.getHostString() + ":" + stockAddress.getPort())) {
            var stock = stockClient.getDatabase("test").getCollection("invoices");
            var ours = start(IndexedH2Backend.open(dir.resolve("stats.mv"), java.time.Clock.systemUTC(), 1));
            for (var side : List.of(stock, ours)) {
                side.createIndex(Indexes.ascending("accountId"));
                side.insertMany(invoices(2000));
                side.updateMany(Filters.eq("status", "PAID"), Updates.set("paidOn", "2026-03-10"));
                side.deleteMany(Filters.lt("dueDay", 5));
            }
            backend.commit();
            var stockStats = stockClient.getDatabase("test").runCommand(new Document("collStats", "invoices"));
            var ourStats = client.getDatabase("test").runCommand(new Document("collStats", "invoices"));
            assertThat(ourStats.getInteger("count")).isEqualTo(stockStats.getInteger("count")).isEqualTo(1800);
            assertThat(ourStats.getInteger("size")).isEqualTo(stockStats.getInteger("size")).isPositive();
            assertThat(ourStats.getInteger("avgObjSize")).isEqualTo(stockStats.getInteger("avgObjSize"));
        } finally {
            stockServer.shutdownNow();
        }
    }
}
