package br.com.opera360.query.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.service.BoundingBox;
import br.com.opera360.kernel.service.FindServiceMap;
import br.com.opera360.kernel.service.FindServices;
import br.com.opera360.kernel.service.GeoPoint;
import br.com.opera360.kernel.service.GetCepServices;
import br.com.opera360.kernel.service.GetService;
import br.com.opera360.kernel.service.MapCircle;
import br.com.opera360.kernel.service.ServiceAddress;
import br.com.opera360.kernel.service.ServiceAddressChanged;
import br.com.opera360.kernel.service.ServiceFilter;
import br.com.opera360.kernel.service.ServiceId;
import br.com.opera360.kernel.service.ServiceLocationChanged;
import br.com.opera360.kernel.service.ServiceRegistered;
import br.com.opera360.kernel.service.ServiceSpeedChanged;
import br.com.opera360.kernel.service.ServiceStatusChanged;
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.InMemoryMongo;
import br.com.opera360.query.common.ProcessorBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The projection against a real mongo-java-server, every event delivered twice, read back through the query handler. */
class ServiceProjectionTest {
    static final AccountId ACME = new AccountId("acme");
    static final ServiceAddress PAULISTA = new ServiceAddress("Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310100");
    static final ServiceAddress RIO = new ServiceAddress("Av. Rio Branco", "1", null, "Centro", "Rio de Janeiro", "RJ", "20090003");
    static final Instant AT = Instant.parse("2026-03-10T15:00:00Z");

    private InMemoryMongo store;
    private BatchedInserts inserts;
    private ServiceProjection projection;
    private ServiceQueryHandler queries;

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        var mongo = store.template();
        inserts = new BatchedInserts(mongo);
        projection = new ServiceProjection(mongo, inserts, new ServiceMapUpdater(mongo, inserts));
        queries = new ServiceQueryHandler(store.reactiveTemplate());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static ServiceRegistered registered(String designation, ServiceAddress address, GeoPoint location) {
        return new ServiceRegistered("acme:" + designation, "acme", designation, "Link Dedicado", "CT-1", "CLI-1", 100,
                "ACTIVE", LocalDate.of(2025, 11, 3), address, location);
    }

    private List<MapCircle> circles() throws Exception {
        return queries.handle(new FindServiceMap(ACME, new BoundingBox(-180, -90, 180, 90))).get();
    }

    /** Delivers a history, then delivers it again from {@code from} on, as after a crash before the token was stored. */
    private void deliverTwice(List<Object> events, int from) {
        for (int round = 0; round < 2; round++) {
            for (int seq = round == 0 ? 0 : from; seq < events.size(); seq++) {
                Object e = events.get(seq);
                Instant at = AT.plusSeconds(seq);
                if (e instanceof ServiceRegistered r) projection.on(r, 0, at);
                else if (e instanceof ServiceSpeedChanged s) projection.on(s, seq, at);
                else if (e instanceof ServiceStatusChanged s) projection.on(s, seq, at);
                else if (e instanceof ServiceAddressChanged a) projection.on(a, seq, at);
                else if (e instanceof ServiceLocationChanged l) projection.on(l, seq, at);
                else throw new IllegalArgumentException(e.toString());
            }
        }
    }

    /** One event of an aggregate with its sequence number. */
    record Delivery(Object event, long seq) {
    }

    private void deliver(Object event, long seq) {
        Instant at = AT.plusSeconds(seq);
        if (event instanceof ServiceRegistered r) projection.on(r, seq, at);
        else if (event instanceof ServiceSpeedChanged s) projection.on(s, seq, at);
        else if (event instanceof ServiceStatusChanged s) projection.on(s, seq, at);
        else if (event instanceof ServiceAddressChanged a) projection.on(a, seq, at);
        else if (event instanceof ServiceLocationChanged l) projection.on(l, seq, at);
        else throw new IllegalArgumentException(event.toString());
    }

    /** The events as one processor batch: one batching unit of work through {@link BatchedInserts}, as a processor runs it. */
    private void batch(List<Delivery> deliveries) throws Exception {
        ProcessorBatch.run(inserts, deliveries.stream().map(Delivery::event).toList(),
                i -> deliver(deliveries.get(i).event(), deliveries.get(i).seq()));
    }

    /** Every circle holds exactly the located services at its CEP (designations), with their count and mean. */
    private void assertMapInLineWithServices() {
        var located = store.template().findAll(ServiceView.class).stream().filter(s -> s.lat() != null)
                           .collect(Collectors.groupingBy(s -> s.address().cep()));
        Map<String, ServiceMapView> circles = store.template().findAll(ServiceMapView.class).stream()
                                                   .collect(Collectors.toMap(ServiceMapView::cep, c -> c));
        assertThat(circles.keySet()).isEqualTo(located.keySet());
        located.forEach((cep, services) -> {
            var circle = circles.get(cep);
            assertThat(circle.members()).extracting(ServiceMapView.Member::designation)
                                        .isEqualTo(services.stream().map(ServiceView::designation).sorted(Comparator.naturalOrder()).toList());
            assertThat(circle.count()).isEqualTo(services.size());
            assertThat(circle.lat()).isEqualTo(ServiceMapUpdater.mean(services.stream().map(ServiceView::lat).toList()));
            assertThat(circle.lon()).isEqualTo(ServiceMapUpdater.mean(services.stream().map(ServiceView::lon).toList()));
        });
    }

    @Test
    void changes_in_the_batch_of_their_registration_are_kept_and_the_map_shows_the_state_after_the_batch() throws Exception {
        var paulista = new GeoPoint(-23.561, -46.656);
        var rio = new GeoPoint(-22.903, -43.177);
        List<Delivery> history = List.of(
                new Delivery(registered("A", PAULISTA, paulista), 0),
                new Delivery(registered("B", PAULISTA, new GeoPoint(-23.563, -46.658)), 0),
                new Delivery(new ServiceSpeedChanged("acme:B", "acme", "B", 100, 200), 1),
                new Delivery(registered("C", RIO, null), 0),
                new Delivery(new ServiceAddressChanged("acme:B", "acme", "B", PAULISTA, RIO), 2),
                new Delivery(new ServiceLocationChanged("acme:B", "acme", "B", new GeoPoint(-23.563, -46.658), rio), 3),
                new Delivery(new ServiceLocationChanged("acme:C", "acme", "C", null, new GeoPoint(-22.905, -43.179)), 1),
                new Delivery(new ServiceStatusChanged("acme:A", "acme", "A", "ACTIVE", "SUSPENDED"), 1));
        for (int delivery = 0; delivery < 2; delivery++) { // then redelivered whole, as after a crash before the token was stored
            batch(history);
            var b = queries.handle(new GetService(ACME, new ServiceId("acme:B"))).get();
            assertThat(b.history()).extracting(h -> h.type())
                                   .containsExactly("REGISTERED", "SPEED_CHANGED", "ADDRESS_CHANGED", "LOCATION_CHANGED");
            assertThat(b.speedMbps()).isEqualTo(200);
            assertThat(b.address()).isEqualTo(RIO);
            assertThat(queries.handle(new GetService(ACME, new ServiceId("acme:A"))).get().status()).isEqualTo("SUSPENDED");
            assertThat(queries.handle(new GetService(ACME, new ServiceId("acme:C"))).get().location()).isEqualTo(new GeoPoint(-22.905, -43.179));
            assertThat(circles()).containsExactly(new MapCircle("01310100", -23.561, -46.656, 1), new MapCircle("20090003", -22.904, -43.178, 2));
            assertMapInLineWithServices();
        }
    }

    @Test
    void a_later_batch_moves_services_between_circles_and_drops_an_emptied_one() throws Exception {
        batch(List.of(new Delivery(registered("A", PAULISTA, new GeoPoint(-23.561, -46.656)), 0),
                new Delivery(registered("B", RIO, new GeoPoint(-22.903, -43.177)), 0),
                new Delivery(registered("C", RIO, new GeoPoint(-22.905, -43.179)), 0)));
        assertMapInLineWithServices();
        List<Delivery> moves = List.of(
                new Delivery(new ServiceAddressChanged("acme:A", "acme", "A", PAULISTA, RIO), 1),
                new Delivery(new ServiceLocationChanged("acme:A", "acme", "A", new GeoPoint(-23.561, -46.656), new GeoPoint(-22.901, -43.175)), 2),
                new Delivery(new ServiceAddressChanged("acme:C", "acme", "C", RIO, PAULISTA), 1),
                new Delivery(new ServiceLocationChanged("acme:C", "acme", "C", new GeoPoint(-22.905, -43.179), new GeoPoint(-23.565, -46.650)), 2),
                new Delivery(new ServiceAddressChanged("acme:A", "acme", "A", RIO, PAULISTA), 3),
                new Delivery(new ServiceLocationChanged("acme:A", "acme", "A", new GeoPoint(-22.901, -43.175), new GeoPoint(-23.561, -46.656)), 4));
        batch(moves);
        assertThat(circles()).containsExactly(new MapCircle("01310100", -23.563, -46.653, 2), new MapCircle("20090003", -22.903, -43.177, 1));
        assertMapInLineWithServices();
        batch(moves.subList(2, moves.size()));
        assertThat(circles()).containsExactly(new MapCircle("01310100", -23.563, -46.653, 2), new MapCircle("20090003", -22.903, -43.177, 1));
        assertMapInLineWithServices();

        batch(List.of(new Delivery(new ServiceAddressChanged("acme:B", "acme", "B", RIO, PAULISTA), 1)));
        assertThat(circles()).extracting(MapCircle::cep, MapCircle::count).containsExactly(tuple("01310100", 3));
        assertMapInLineWithServices();
    }

    @Test
    void redelivered_events_leave_one_history_entry_each_and_the_same_circles() throws Exception {
        deliverTwice(List.of(registered("A", PAULISTA, new GeoPoint(-23.561, -46.656))), 0);
        var mover = List.<Object>of(registered("B", PAULISTA, new GeoPoint(-23.563, -46.658)),
                new ServiceSpeedChanged("acme:B", "acme", "B", 100, 200),
                new ServiceAddressChanged("acme:B", "acme", "B", PAULISTA, RIO),
                new ServiceLocationChanged("acme:B", "acme", "B", new GeoPoint(-23.563, -46.658), new GeoPoint(-22.903, -43.177)),
                new ServiceStatusChanged("acme:B", "acme", "B", "ACTIVE", "SUSPENDED"));
        deliverTwice(mover, 1);
        deliverTwice(mover, 0);

        var details = queries.handle(new GetService(ACME, new ServiceId("acme:B"))).get();
        assertThat(details.history()).extracting(h -> h.type())
                                     .containsExactly("REGISTERED", "SPEED_CHANGED", "ADDRESS_CHANGED", "LOCATION_CHANGED", "STATUS_CHANGED");
        assertThat(details.speedMbps()).isEqualTo(200);
        assertThat(details.status()).isEqualTo("SUSPENDED");
        assertThat(details.address()).isEqualTo(RIO);
        assertThat(circles()).containsExactly(new MapCircle("01310100", -23.561, -46.656, 1), new MapCircle("20090003", -22.903, -43.177, 1));
        var page = (Page<?>) queries.handle(new FindServices(ACME, ServiceFilter.none(), 0, 20)).get();
        assertThat(page.totalItems()).isEqualTo(2);
    }

    @Test
    void the_mean_is_exact_in_decimal_and_independent_of_the_order_of_services() throws Exception {
        deliverTwice(List.of(registered("C", PAULISTA, new GeoPoint(-23.562, -46.654))), 0);
        deliverTwice(List.of(registered("A", PAULISTA, new GeoPoint(-23.561, -46.656))), 0);
        deliverTwice(List.of(registered("B", PAULISTA, new GeoPoint(-23.563, -46.658))), 0);
        deliverTwice(List.of(registered("D", PAULISTA, null)), 0);
        assertThat(circles()).containsExactly(new MapCircle("01310100", -23.562, -46.656, 3));
        var cep = queries.handle(new GetCepServices(ACME, new Cep("01310100"))).get();
        assertThat(cep.services()).extracting(s -> s.designation()).containsExactly("A", "B", "C");
        assertThat(ServiceMapUpdater.mean(List.of(0.1, 0.2))).isEqualTo(0.15);
    }

    @Test
    void a_reset_drops_both_views() throws Exception {
        deliverTwice(List.of(registered("A", PAULISTA, new GeoPoint(-23.561, -46.656))), 0);
        projection.reset();
        assertThat(circles()).isEmpty();
        assertThat(queries.handle(new GetService(ACME, new ServiceId("acme:A"))).get()).isNull();
    }
}
