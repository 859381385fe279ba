package br.com.opera360.query.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generation mechanism on a real mongo-java-server: who resolves which collection, indexes, switch, restart. */
class ReadModelGenerationsTest {
    @Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('things', 'things')}")
    record Thing(@Id String id, String key) {
    }

    static final ReadModel THINGS = new ReadModel() {
        @Override
        public String group() {
            return "things";
        }

        @Override
        public List<String> collections() {
            return List.of("things");
        }

        @Override
        public void ensureIndexes(MongoTemplate mongo) {
            mongo.indexOps(Thing.class).ensureIndex(new Index().on("key", Sort.Direction.ASC).unique().named("key"));
        }
    };

    private InMemoryMongo store;
    private MongoTemplate mongo;
    private final List<ReadModelGenerations> started = new ArrayList<>();

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        mongo = store.template();
    }

    @AfterEach
    void stop() {
        started.forEach(ReadModelGenerations::destroy);
        store.close();
    }

    private ReadModelGenerations startApplication() {
        var generations = new ReadModelGenerations(mongo, List.of(THINGS));
        started.add(generations);
        generations.afterSingletonsInstantiated();
        return generations;
    }

    private void asWriter(Runnable work) throws Exception {
        ReadModelGenerations.writerInterceptor("things").handle(null, () -> {
            work.run();
            return null;
        });
    }

    @Test
    void a_rebuild_writes_a_new_generation_with_its_indexes_while_reads_stay_on_the_old_one_until_the_switch() throws Exception {
        var generations = startApplication();
        asWriter(() -> mongo.insert(new Thing("1", "a")));
        assertThat(mongo.getCollectionName(Thing.class)).isEqualTo("things");

        var duringReset = new AtomicReference<String>();
        int next = generations.startBuilding("things", () -> duringReset.set(mongo.getCollectionName(Thing.class)));
        assertThat(next).isEqualTo(1);
        assertThat(duringReset.get()).as("reset handlers act on the new generation").isEqualTo("things_g1");

        asWriter(() -> mongo.insert(new Thing("1", "a")));
        asWriter(() -> assertThat(mongo.getCollectionName(Thing.class)).isEqualTo("things_g1"));
        assertThat(mongo.getCollectionName(Thing.class)).as("reads").isEqualTo("things");
        assertThat(mongo.findAll(Thing.class)).as("reads see the complete old generation").containsExactly(new Thing("1", "a"));
        assertThatThrownBy(() -> asWriter(() -> mongo.insert(new Thing("2", "a"))))
                .as("the new generation has its unique index").isInstanceOf(DuplicateKeyException.class);

        generations.setDropGrace(Duration.ofMillis(300));
        assertThat(generations.finishBuilding("things")).isTrue();
        assertThat(mongo.getCollectionName(Thing.class)).isEqualTo("things_g1");
        assertThat(mongo.collectionExists("things")).as("old generation readable a moment longer").isTrue();
        Thread.sleep(1500);
        assertThat(mongo.collectionExists("things")).as("old generation dropped after the grace").isFalse();
        assertThat(mongo.findAll(Thing.class)).containsExactly(new Thing("1", "a"));
        asWriter(() -> assertThat(mongo.getCollectionName(Thing.class)).isEqualTo("things_g1"));
    }

    @Test
    void the_active_generation_survives_a_restart_and_stale_generations_are_dropped() throws Exception {
        var first = startApplication();
        first.startBuilding("things", () -> { });
        first.finishBuilding("things");
        asWriter(() -> mongo.insert(new Thing("1", "a")));
        mongo.insert(new Thing("9", "z"), "things_g7"); // left by a crash during a switch
        first.destroy();
        started.remove(first);

        var restarted = startApplication();
        assertThat(restarted.state("things")).isEqualTo(new ReadModelGenerations.State(1, null));
        assertThat(mongo.getCollectionName(Thing.class)).isEqualTo("things_g1");
        assertThat(mongo.collectionExists("things_g7")).isFalse();
        assertThat(mongo.findAll(Thing.class)).containsExactly(new Thing("1", "a"));
    }

    @Test
    void without_an_application_the_base_names_are_used() {
        assertThat(ReadModelGenerations.collection("things", "things")).isEqualTo("things");
    }
}
