package br.com.opera360.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the store does on its own: TTL expiry by the application's clock, idle cursors closed, arrays indexed per element. */
class StoreHousekeepingTest {
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-03-10T15:00:00Z"), ZoneOffset.UTC);
    private IndexedH2Backend backend;
    private MongoServer server;
    private MongoClient client;

    private MongoCollection<Document> start(Duration idleCursorLimit) {
        backend = new IndexedH2Backend(new MVStore.Builder().open(), clock, idleCursorLimit);
        server = new MongoServer(backend);
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        return client.getDatabase("test").getCollection("sessions");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void documents_past_their_ttl_by_the_store_clock_are_deleted_and_the_others_stay() {
        var sessions = start(OpenCursors.IDLE_LIMIT);
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        sessions.insertMany(List.of(new Document("_id", "old").append("expiresAt", Date.from(clock.instant().minusSeconds(1))),
                new Document("_id", "new").append("expiresAt", Date.from(clock.instant().plusSeconds(600))),
                new Document("_id", "no-date").append("expiresAt", "tomorrow")));

        backend.expireDocuments();
        assertThat(sessions.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactlyInAnyOrder("new", "no-date");

        clock.add(Duration.ofMinutes(11));
        backend.expireDocuments();
        assertThat(sessions.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactly("no-date");
        assertThat(backend.fallbackCount()).isZero();
    }

    @Test
    void a_cursor_left_idle_past_the_limit_is_closed_and_a_finished_one_is_forgotten() throws Exception {
        var sessions = start(Duration.ofMillis(50));
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) many.add(new Document("_id", i));
        sessions.insertMany(many);

        var abandoned = sessions.find().batchSize(5).iterator();
        abandoned.next();
        assertThat(backend.openCursors()).isEqualTo(1);
        Thread.sleep(120);
        backend.reapCursors();

        assertThat(backend.openCursors()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            while (abandoned.hasNext()) abandoned.next();
        }).hasMessageContaining("43");   // CursorNotFound
    }

    @Test
    void an_array_in_an_indexed_field_is_indexed_per_element() {
        var services = start(OpenCursors.IDLE_LIMIT);
        services.createIndex(Indexes.ascending("accountId", "tags"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(new Document("_id", i).append("accountId", "a").append("tags", i % 3 == 0 ? List.of("mpls", "sp") : List.of("sp")));
        }
        services.insertMany(docs);

        assertThat(services.countDocuments(Filters.and(Filters.eq("accountId", "a"), Filters.eq("tags", "mpls")))).isEqualTo(100);
        assertThat(services.find(Filters.and(Filters.eq("accountId", "a"), Filters.in("tags", "mpls", "sp"))).into(new ArrayList<>()))
                .hasSize(300);
        assertThat(backend.verifyIndexes()).isEmpty();
    }
}
