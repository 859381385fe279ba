package br.com.opera360.query.service;

import br.com.opera360.kernel.service.GeoPoint;
import br.com.opera360.kernel.service.ServiceAddressChanged;
import br.com.opera360.kernel.service.ServiceHistoryEntry;
import br.com.opera360.kernel.service.ServiceLocationChanged;
import br.com.opera360.kernel.service.ServiceRegistered;
import br.com.opera360.kernel.service.ServiceSpeedChanged;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.kernel.service.ServiceStatusChanged;
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The services view and its history, plus the per-CEP map view. Idempotent: a registration is an insert that ignores a
 * duplicate key, every change is guarded by the aggregate sequence, and the map follows the view's current state.
 * <p>
 * Within a processor batch the registrations are inserted together ({@link BatchedInserts}), a change first writes
 * the creations pending before it (its service may be one of them), and the map is brought in line once, at the end
 * of the batch, for every service the batch touched ({@link ServiceMapUpdater}).
 */
@Component
@ProcessingGroup(ProcessingGroups.SERVICE)
class ServiceProjection {
    private final MongoTemplate mongo;
    private final BatchedInserts inserts;
    private final ServiceMapUpdater map;

    ServiceProjection(MongoTemplate mongo, BatchedInserts inserts, ServiceMapUpdater map) {
        this.mongo = mongo;
        this.inserts = inserts;
        this.map = map;
    }

    @EventHandler
    void on(ServiceRegistered e, @SequenceNumber long seq, @Timestamp Instant at) {
        var a = e.address();
        String change = "Serviço cadastrado: " + e.serviceType() + " de " + e.speedMbps() + " Mbps, status "
                + ServiceStatus.labelOf(e.status()) + ", em " + a.describe() + ".";
        var view = new ServiceView(e.serviceId(), e.accountId(), e.designation(), SearchKeys.of(e.designation()),
                e.serviceType(), e.contract(), e.clientCode(), e.speedMbps(), e.status(),
                e.activatedOn() == null ? null : e.activatedOn().toString(), a, SearchKeys.of(a.city()),
                e.location() == null ? null : e.location().lat(), e.location() == null ? null : e.location().lon(),
                List.of(new ServiceHistoryEntry(at, "REGISTERED", change)), seq);
        inserts.insert(view); // redelivered: the stored view is kept; the map is brought in line again all the same
        map.sync(e.serviceId(), null);
    }

    @EventHandler
    void on(ServiceSpeedChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.serviceId(), seq, new Update().set("speedMbps", e.speedMbps()), new ServiceHistoryEntry(at, "SPEED_CHANGED",
                "Velocidade alterada de " + e.previousSpeedMbps() + " para " + e.speedMbps() + " Mbps"));
    }

    @EventHandler
    void on(ServiceStatusChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.serviceId(), seq, new Update().set("status", e.status()), new ServiceHistoryEntry(at, "STATUS_CHANGED",
                "Status alterado de " + ServiceStatus.labelOf(e.previousStatus()) + " para " + ServiceStatus.labelOf(e.status())));
    }

    @EventHandler
    void on(ServiceAddressChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.serviceId(), seq, new Update().set("address", e.address()).set("cityKey", SearchKeys.of(e.address().city())),
                new ServiceHistoryEntry(at, "ADDRESS_CHANGED",
                        "Endereço alterado de " + e.previousAddress().describe() + " para " + e.address().describe()));
        map.sync(e.serviceId(), e.previousAddress().cep());
    }

    @EventHandler
    void on(ServiceLocationChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        String change = e.previousLocation() == null
                ? "Localização definida em " + describe(e.location())
                : "Localização alterada de " + describe(e.previousLocation()) + " para " + describe(e.location());
        apply(e.serviceId(), seq, new Update().set("lat", e.location().lat()).set("lon", e.location().lon()),
                new ServiceHistoryEntry(at, "LOCATION_CHANGED", change));
        map.sync(e.serviceId(), null);
    }

    private void apply(String serviceId, long seq, Update update, ServiceHistoryEntry entry) {
        inserts.flush(); // the service may have been registered earlier in this batch
        mongo.updateFirst(query(where("_id").is(serviceId).and("version").lt(seq)),
                update.push("history", entry).set("version", seq), ServiceView.class);
    }

    private static String describe(GeoPoint p) {
        return "lat " + p.lat() + ", lon " + p.lon();
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ServiceView.class);
        mongo.remove(new Query(), ServiceMapView.class);
    }
}
