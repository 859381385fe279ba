package br.com.opera360.query.service;

import br.com.opera360.kernel.service.GeoPoint;
import br.com.opera360.kernel.service.ServiceAddressChanged;
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static br.com.opera360.query.service.ServiceProjectionTest.AT;
import static br.com.opera360.query.service.ServiceProjectionTest.PAULISTA;
import static br.com.opera360.query.service.ServiceProjectionTest.RIO;
import static br.com.opera360.query.service.ServiceProjectionTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServiceMapUpdater} when its revision-guarded bulk write of a circle loses a race: another writer (another
 * segment or instance) changes the circle after the updater read it and before its bulk write runs. The bulk write
 * then matches nothing, and the per-circle retry must re-read the circle and still place the service in it.
 */
class ServiceMapUpdaterRaceTest {
    private static final Instant LATER = AT.plusSeconds(60);
    private static final String CIRCLE = ServiceMapView.idOf("acme", PAULISTA.cep());

    private InMemoryMongo store;
    /** The other writer: its own projection and updater on the same store. */
    private ServiceProjection other;
    /** The updater under test: the other writer places its service just before this one's bulk write is built. */
    private ServiceProjection racing;
    private final AtomicInteger racesLost = new AtomicInteger();
    private Runnable beforeNextBulkWrite = () -> { };

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        var plain = store.template();
        var otherInserts = new BatchedInserts(plain);
        other = new ServiceProjection(plain, otherInserts, new ServiceMapUpdater(plain, otherInserts));

        MongoTemplate interleaving = new MongoTemplate(plain.getMongoDatabaseFactory()) {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, Class<?> entityClass) {
                if (entityClass == ServiceMapView.class) { // the circles' write, not the batch's creations
                    Runnable interference = beforeNextBulkWrite;
                    beforeNextBulkWrite = () -> { };
                    interference.run(); // after the updater read the circle, before its guarded write
                }
                return super.bulkOps(mode, entityClass);
            }
        };
        var inserts = new BatchedInserts(interleaving);
        racing = new ServiceProjection(interleaving, inserts, new ServiceMapUpdater(interleaving, inserts));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private ServiceMapView circle() {
        return store.template().findById(CIRCLE, ServiceMapView.class);
    }

    @Test
    void a_circle_changed_between_the_read_and_the_bulk_write_still_ends_with_every_service_at_its_cep() {
        other.on(registered("A", PAULISTA, new GeoPoint(-23.561, -46.656)), 0, AT);
        assertThat(circle().revision()).isEqualTo(1);

        beforeNextBulkWrite = () -> {
            other.on(registered("B", PAULISTA, new GeoPoint(-23.563, -46.658)), 0, LATER);
            racesLost.incrementAndGet();
        };
        racing.on(registered("C", PAULISTA, new GeoPoint(-23.565, -46.660)), 0, LATER);

        assertThat(racesLost).as("the other writer changed the circle in between").hasValue(1);
        var circle = circle();
        assertThat(circle.members()).extracting(ServiceMapView.Member::designation).containsExactly("A", "B", "C");
        assertThat(circle.count()).isEqualTo(3);
        assertThat(circle.lat()).isEqualTo(-23.563);
        assertThat(circle.lon()).isEqualTo(-46.658);
        assertThat(circle.revision()).as("A, then B by the other writer, then C by the retry").isEqualTo(3);
    }

    @Test
    void a_service_moving_away_from_a_circle_changed_in_between_leaves_it_with_the_others() {
        other.on(registered("A", PAULISTA, new GeoPoint(-23.561, -46.656)), 0, AT);
        other.on(registered("C", PAULISTA, new GeoPoint(-23.565, -46.660)), 0, AT);
        assertThat(circle().revision()).isEqualTo(2);

        beforeNextBulkWrite = () -> {
            other.on(registered("B", PAULISTA, new GeoPoint(-23.563, -46.658)), 0, LATER);
            racesLost.incrementAndGet();
        };
        // C moves to Rio: it leaves the Paulista circle, which the other writer has just changed, and opens Rio's
        racing.on(new ServiceAddressChanged("acme:C", "acme", "C", PAULISTA, RIO), 1, LATER);

        assertThat(racesLost).hasValue(1);
        var circle = circle();
        assertThat(circle.members()).extracting(ServiceMapView.Member::designation).containsExactly("A", "B");
        assertThat(circle.count()).isEqualTo(2);
        assertThat(circle.revision()).isEqualTo(4);
        var rio = store.template().findById(ServiceMapView.idOf("acme", RIO.cep()), ServiceMapView.class);
        assertThat(rio.members()).extracting(ServiceMapView.Member::designation).containsExactly("C");
    }
}
