package br.com.opera360.query.common;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.WriteConcernError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch's creations against a real mongo-java-server, through Axon's own batching unit of work. */
class BatchedInsertsTest {
    @Document("batched_things")
    record Thing(@Id String id, String name) {
    }

    private InMemoryMongo store;
    private MongoTemplate mongo;
    private BatchedInserts inserts;

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        mongo = store.template();
        inserts = new BatchedInserts(mongo);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** Runs one handler per message in one batching unit of work, through the interceptor, as a processor does. */
    private void batch(List<Consumer<Integer>> handlers) throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < handlers.size(); i++) events.add("event-" + i);
        ProcessorBatch.run(inserts, events, i -> handlers.get(i).accept(i + 1));
    }

    @Test
    void the_batch_creations_are_written_together_at_its_last_event() throws Exception {
        List<Long> countSeenByHandlers = new ArrayList<>();
        batch(List.of(
                i -> inserts.insert(new Thing("a", "primeiro")),
                i -> { inserts.insert(new Thing("b", "segundo")); countSeenByHandlers.add(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Thing.class)); },
                i -> inserts.insert(new Thing("c", "terceiro"))));

        assertThat(countSeenByHandlers).containsExactly(0L);
        assertThat(mongo.findAll(Thing.class)).extracting(Thing::id).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void a_redelivered_creation_leaves_the_stored_view_and_the_others_still_go_in() throws Exception {
        mongo.insert(new Thing("a", "original"));
        batch(List.of(i -> inserts.insert(new Thing("a", "repetido")), i -> inserts.insert(new Thing("b", "novo"))));

        assertThat(mongo.findById("a", Thing.class)).isEqualTo(new Thing("a", "original"));
        assertThat(mongo.findById("b", Thing.class)).isEqualTo(new Thing("b", "novo"));
    }

    @Test
    void a_handler_that_flushes_sees_the_creations_made_earlier_in_its_batch() throws Exception {
        List<Thing> seen = new ArrayList<>();
        batch(List.of(i -> inserts.insert(new Thing("a", "criado")), i -> {
            inserts.flush();
            seen.add(mongo.findById("a", Thing.class));
        }));
        assertThat(seen).containsExactly(new Thing("a", "criado"));
    }

    @Test
    void end_of_batch_work_runs_once_after_the_batch_creations_with_everything_collected() throws Exception {
        List<String> seenAtEnd = new ArrayList<>();
        List<Long> countAtEnd = new ArrayList<>();
        Consumer<Integer> collect = i -> {
            List<String> ids = inserts.atBatchEnd("names", ArrayList::new, collected -> {
                seenAtEnd.addAll(collected);
                countAtEnd.add(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Thing.class));
            });
            ids.add("event-" + i);
        };
        batch(List.of(i -> inserts.insert(new Thing("a", "primeiro")), collect, i -> inserts.insert(new Thing("b", "segundo")), collect));

        assertThat(seenAtEnd).containsExactly("event-2", "event-4");
        assertThat(countAtEnd).containsExactly(2L);
        assertThat(inserts.<List<String>>atBatchEnd("names", ArrayList::new, collected -> { })).isNull(); // outside a batch
    }

    @Test
    void outside_a_processor_batch_an_insert_is_written_at_once() {
        inserts.insert(new Thing("x", "direto"));
        inserts.insert(new Thing("x", "de novo"));
        assertThat(mongo.findById("x", Thing.class)).isEqualTo(new Thing("x", "direto"));
    }

    @Test
    void only_duplicate_keys_are_ignored_any_other_write_error_fails_the_batch() {
        var duplicate = new BulkWriteError(11000, "E11000 duplicate key", new BsonDocument(), 0);
        var other = new BulkWriteError(2, "bad value", new BsonDocument(), 1);
        assertThat(BatchedInserts.onlyDuplicateKeys(wrapped(bulkFailure(List.of(duplicate), null)))).isTrue();
        assertThat(BatchedInserts.onlyDuplicateKeys(wrapped(bulkFailure(List.of(duplicate, other), null)))).isFalse();
        assertThat(BatchedInserts.onlyDuplicateKeys(wrapped(bulkFailure(List.of(duplicate),
                new WriteConcernError(64, "waitForReplication", "timeout", new BsonDocument()))))).isFalse();
        assertThat(BatchedInserts.onlyDuplicateKeys(new DataAccessResourceFailureException("store down"))).isFalse();
    }

    private static MongoBulkWriteException bulkFailure(List<BulkWriteError> errors, WriteConcernError concern) {
        return new MongoBulkWriteException(BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()), errors, concern,
                new ServerAddress(), Set.of());
    }

    /** As Spring hands it over: translated, the driver's exception as the cause. */
    private static DataAccessException wrapped(MongoBulkWriteException cause) {
        return new DataIntegrityViolationException(cause.getMessage(), cause);
    }
}
