package br.com.opera360.store;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents are stored as BSON; a file written with Java-serialized documents (before) still reads, and converts. */
class DocumentTypeTest {
    @TempDir
    Path dir;

    @Test
    void a_file_of_java_serialized_documents_reads_as_before_and_new_writes_are_bson() {
        Path file = dir.resolve("legacy.mv");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            // what the stock H2 backend and this store wrote before: MVStore's ObjectDataType, Java serialization
            MVMap<Object, Document> data = store.openMap("databases.test.invoices");
            data.put("a", new Document("_id", "a").append("n", 1).append("when", Instant.parse("2026-03-10T15:00:00Z"))
                    .append("items", List.of(new Document("x", 2L), "y")).append("none", null));
            store.openMap("meta.test.invoices");
        }
        var backend = IndexedH2Backend.open(file, Clock.systemUTC(), 1);
        var server = new MongoServer(backend);
        var address = server.bind();
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            var invoices = client.getDatabase("test").getCollection("invoices");
            invoices.insertOne(new org.bson.Document("_id", "b").append("n", 2));
            var all = invoices.find().sort(new org.bson.Document("_id", 1)).into(new ArrayList<>());
            assertThat(all).hasSize(2);
            assertThat(all.get(0).getInteger("n")).isEqualTo(1);
            assertThat(all.get(0).get("when")).isEqualTo(java.util.Date.from(Instant.parse("2026-03-10T15:00:00Z")));
            assertThat(all.get(0).getList("items", Object.class)).containsExactly(new org.bson.Document("x", 2L), "y");
            assertThat(all.get(0).containsKey("none")).isTrue();
            assertThat(all.get(1).getInteger("n")).isEqualTo(2);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_document_round_trips_through_its_bson_form() {
        var type = new DocumentType();
        var doc = new Document("_id", "x").append("s", "ação").append("i", 7).append("l", 8L).append("d", 1.5)
                .append("nested", new Document("a", List.of(1, "b", new Document("c", true)))).append("null", null);
        var out = new org.h2.mvstore.WriteBuffer();
        type.write(out, doc);
        type.write(out, doc);
        var in = out.getBuffer();
        in.flip();
        assertThat(in.get(0)).isEqualTo(DocumentType.BSON);
        assertThat(StoredDocument.of(type.read(in))).isEqualTo(doc);
        assertThat(StoredDocument.of(type.read(in))).isEqualTo(doc);
        assertThat(in.remaining()).isZero();
        assertThat(type.getMemory(doc)).isGreaterThan(500);
    }

    @Test
    void a_page_read_from_the_file_keeps_its_documents_as_bytes_and_writes_them_back_unchanged() {
        var type = new DocumentType();
        var doc = new Document("_id", "x").append("s", "ação").append("n", 42L)
                .append("nested", new Document("a", List.of(1, "b"))).append("null", null);
        var first = new org.h2.mvstore.WriteBuffer();
        type.write(first, doc);
        var bytes = first.getBuffer().flip();
        byte[] written = new byte[bytes.remaining()];
        bytes.duplicate().get(written);

        Object read = type.read(bytes);
        // not decoded by the read: a page of many documents costs its bytes, and the cache counts those
        assertThat(read).isInstanceOf(StoredDocument.class);
        assertThat(type.getMemory(read)).isBetween(written.length, written.length + 64).isLessThan(type.getMemory(doc));
        // decoded afresh on each read: a caller that changes its copy never changes the stored one
        Document decoded = StoredDocument.of(read);
        assertThat(decoded).isEqualTo(doc);
        decoded.put("s", "changed");
        assertThat(StoredDocument.of(read)).isEqualTo(doc);
        // a chunk rewrite writes the same bytes without decoding and encoding them again
        var again = new org.h2.mvstore.WriteBuffer();
        type.write(again, read);
        var rewritten = again.getBuffer().flip();
        byte[] copy = new byte[rewritten.remaining()];
        rewritten.get(copy);
        assertThat(copy).isEqualTo(written);
    }
}
