package br.com.opera360.query.service;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the per-CEP map view in step with a service's current state in the services view: the service is a member of
 * its CEP's circle (when it has a location) and of no other. Reading the current state rather than the event makes
 * the update idempotent by construction: re-applying any event, in any order, leaves the same circles.
 */
@Component
class ServiceMapUpdater {
    private static final int MAX_ATTEMPTS = 50;
    private final MongoTemplate mongo;

    ServiceMapUpdater(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Brings the circles of the service's CEP and of {@code previousCep} (if any) in line with the service. */
    void sync(String serviceId, String previousCep) {
        var q = query(where("_id").is(serviceId));
        q.fields().exclude("history");
        ServiceView service = mongo.findOne(q, ServiceView.class);
        if (service == null) return;
        Set<String> ceps = new LinkedHashSet<>();
        if (previousCep != null) ceps.add(previousCep);
        ceps.add(service.address().cep());
        for (String cep : ceps) recompute(service, cep);
    }

    private void recompute(ServiceView service, String cep) {
        String id = ServiceMapView.idOf(service.accountId(), cep);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ServiceMapView current = mongo.findById(id, ServiceMapView.class);
            List<ServiceMapView.Member> members = new ArrayList<>(current == null ? List.of() : current.members());
            members.removeIf(m -> m.designation().equals(service.designation()));
            if (cep.equals(service.address().cep()) && service.lat() != null && service.lon() != null) {
                var a = service.address();
                members.add(new ServiceMapView.Member(service.designation(), service.lat(), service.lon(), a.street(),
                        a.district(), a.city(), a.state()));
            }
            members.sort(Comparator.comparing(ServiceMapView.Member::designation));
            if (current == null ? members.isEmpty() : members.equals(current.members())) return;
            if (write(id, service.accountId(), cep, current, members)) return;
        }
        throw new IllegalStateException("Map circle " + id + " kept changing under concurrent updates");
    }

    private boolean write(String id, String accountId, String cep, ServiceMapView current, List<ServiceMapView.Member> members) {
        if (members.isEmpty()) {
            return mongo.remove(query(where("_id").is(id).and("revision").is(current.revision())), ServiceMapView.class)
                        .getDeletedCount() == 1;
        }
        double lat = mean(members.stream().map(ServiceMapView.Member::lat).toList());
        double lon = mean(members.stream().map(ServiceMapView.Member::lon).toList());
        var first = members.get(0);
        if (current == null) {
            try {
                mongo.insert(new ServiceMapView(id, accountId, cep, lat, lon, members.size(), first.street(),
                        first.district(), first.city(), first.state(), members, 1));
                return true;
            } catch (DuplicateKeyException concurrentInsert) {
                return false;
            }
        }
        var update = new Update().set("lat", lat).set("lon", lon).set("count", members.size())
                .set("street", first.street()).set("district", first.district()).set("city", first.city())
                .set("state", first.state()).set("members", members).set("revision", current.revision() + 1);
        return mongo.updateFirst(query(where("_id").is(id).and("revision").is(current.revision())), update,
                ServiceMapView.class).getMatchedCount() == 1;
    }

    /** Decimal arithmetic on the coordinates as written, so the mean of -23.561 and -23.563 is exactly -23.562. */
    static double mean(List<Double> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) sum = sum.add(BigDecimal.valueOf(v));
        return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64).doubleValue();
    }
}
