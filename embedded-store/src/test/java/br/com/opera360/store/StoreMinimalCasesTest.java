package br.com.opera360.store;

import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimal cases of the disagreements {@link StoreDifferentialTest} found, kept as plain regression tests: each runs
 * the same steps on the stock {@link MemoryBackend} and on {@link IndexedH2Backend}, then compares the outcome of the
 * last step, the whole collection and {@code verifyIndexes()}.
 */
class StoreMinimalCasesTest {

    /** Seed 1, case #12 (fixed in 554a132): every sort key fixed by an equality made the planner throw. */
    @Test
    void a_sort_on_a_key_fixed_by_an_equality_returns_what_the_stock_engine_returns() {
        assertSameAsStock(
            c -> {
                c.createIndex(new Document("qty", 1));
                c.insertMany(List.of(new Document("_id", 1).append("qty", 36), new Document("_id", 2).append("qty", 36L),
                    new Document("_id", 3).append("qty", 7)));
            },
            c -> Outcomes.unordered(c.find(new Document("qty", new Document("$eq", 36))).sort(new Document("qty", -1))
                .batchSize(3).into(new ArrayList<>())));
    }

    /** Seed 12, case #23 and seed -4188398767380541524, case #4: a document with an empty array in a multikey index. */
    @Test
    void a_document_with_an_empty_array_in_an_indexed_field_can_be_deleted() {
        assertSameAsStock(
            c -> {
                c.createIndex(new Document("tags", 1));
                c.insertOne(new Document("_id", 1).append("tags", List.of()));
            },
            c -> String.valueOf(c.deleteOne(new Document("_id", 1)).getDeletedCount()));
    }

    /** Seed 11, verifyIndexes() after case #1999: the entry of an empty array disappeared on an unrelated update. */
    @Test
    void updating_another_field_of_a_document_with_an_empty_indexed_array_keeps_its_index_entry() {
        assertSameAsStock(
            c -> {
                c.createIndex(new Document("tags", 1));
                c.insertOne(new Document("_id", 1).append("tags", List.of()));
            },
            c -> String.valueOf(c.updateOne(new Document("_id", 1), new Document("$set", new Document("x", 1))).getModifiedCount()));
    }

    /** Seeds 11 and 12 with non-empty arrays: one entry per distinct element is right, verifyIndexes() expected one per element. */
    @Test
    void an_array_with_a_repeated_element_passes_verify_indexes() {
        assertSameAsStock(
            c -> c.createIndex(new Document("tags", 1)),
            c -> {
                c.insertOne(new Document("_id", 1).append("tags", List.of("a", "a")));
                return Outcomes.unordered(c.find(new Document("tags", "a")).into(new ArrayList<>()));
            });
    }

    /**
     * Seed 870980016666126548, case #1803: two conditions on one array field ({@code tags: "backbone"} and, inside
     * {@code $and}, {@code tags: "5g"}) were intersected into no point at all, although different elements meet them.
     */
    @Test
    void two_equalities_on_one_array_field_find_the_document_whose_elements_meet_them_each() {
        assertSameAsStock(
            c -> {
                c.createIndex(new Document("tags", 1));
                c.insertMany(List.of(new Document("_id", 1).append("tags", List.of("backbone", "5g")),
                    new Document("_id", 2).append("tags", List.of("5g")), new Document("_id", 3).append("tags", List.of("a", "n"))));
            },
            c -> Outcomes.unordered(c.find(new Document("tags", "backbone").append("$and", List.of(new Document("tags", "5g"))))
                .into(new ArrayList<>()))
                + Outcomes.unordered(c.find(new Document("tags", new Document("$in", List.of("a", "z")))
                    .append("$and", List.of(new Document("tags", new Document("$gt", "m"))))).into(new ArrayList<>()))
                + c.countDocuments(new Document("tags", "5g").append("$and", List.of(new Document("tags", "backbone")))));
    }

    /**
     * Seed 7333851318365273566, case #2137: two documents holding regular expressions in an indexed field; the stock
     * comparator has no order among regular expressions, so writing their index entries failed.
     */
    @Test
    void regular_expressions_stored_in_an_indexed_field_are_ordered_and_updated() {
        assertSameAsStock(
            c -> {
                c.createIndex(new Document("status", 1));
                c.insertMany(List.of(new Document("_id", 1).append("status", new BsonRegularExpression("^b")),
                    new Document("_id", 2).append("status", new BsonRegularExpression("^a", "i")),
                    new Document("_id", 3).append("status", new BsonRegularExpression("^a"))));
            },
            c -> String.valueOf(c.updateMany(new Document(), new Document("$set", new Document("status", "ativo"))).getModifiedCount()));
    }

    private static void assertSameAsStock(Consumer<MongoCollection<Document>> setUp,
                                          Function<MongoCollection<Document>, String> lastStep) {
        IndexedH2Backend backend = IndexedH2Backend.inMemoryStore();
        try (StoreDifferentialTest.Side stock = StoreDifferentialTest.Side.start(new MemoryBackend());
             StoreDifferentialTest.Side ours = StoreDifferentialTest.Side.start(backend)) {
            setUp.accept(stock.items());
            setUp.accept(ours.items());
            Outcomes.Outcome expected = Outcomes.of(() -> lastStep.apply(stock.items()));
            Outcomes.Outcome actual = Outcomes.of(() -> lastStep.apply(ours.items()));
            assertThat(actual.key()).as("outcome of the last step; stock: %s; ours: %s", expected, actual).isEqualTo(expected.key());
            assertThat(Outcomes.ordered(ours.items().find().sort(new Document("_id", 1)).into(new ArrayList<>())))
                .as("whole collection")
                .isEqualTo(Outcomes.ordered(stock.items().find().sort(new Document("_id", 1)).into(new ArrayList<>())));
            assertThat(backend.verifyIndexes()).as("verifyIndexes()").isEmpty();
        }
    }
}
