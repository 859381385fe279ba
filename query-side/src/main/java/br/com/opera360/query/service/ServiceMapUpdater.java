package br.com.opera360.query.service;

import br.com.opera360.query.common.BatchedInserts;
import com.mongodb.bulk.BulkWriteResult;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the per-CEP map view in step with a service's current state in the services view: the service is a member of
 * its CEP's circle (when it has a location) and of no other. Reading the current state rather than the event makes
 * the update idempotent by construction: re-applying any event, in any order, leaves the same circles.
 * <p>
 * Inside a processor batch the services to bring in line are collected and handled once, at the end of the batch,
 * after its creations are written ({@link BatchedInserts#atBatchEnd}): one read of the batch's services, one of their
 * circles, one bulk write of the circles that change. So a service registered and then changed in the same batch is
 * placed by its state after the batch. Each circle write is guarded by the circle's revision; if any of them lost a
 * race (another segment or instance wrote the circle in between), every circle of the batch is brought in line again
 * one at a time, re-reading it until its write goes through.
 */
@Component
class ServiceMapUpdater {
    private static final int MAX_ATTEMPTS = 50;
    private static final String TO_SYNC = ServiceMapUpdater.class.getName() + ".toSync";
    private final MongoTemplate mongo;
    private final BatchedInserts batch;

    ServiceMapUpdater(MongoTemplate mongo, BatchedInserts batch) {
        this.mongo = mongo;
        this.batch = batch;
    }

    /**
     * Brings the circles of the service's CEP and of {@code previousCep} (if any) in line with the service: at the end
     * of the current batch, or at once outside one.
     */
    void sync(String serviceId, String previousCep) {
        Map<String, Set<String>> collected = batch.atBatchEnd(TO_SYNC, LinkedHashMap::new, this::syncAll);
        Map<String, Set<String>> toSync = collected != null ? collected : new LinkedHashMap<>();
        Set<String> previousCeps = toSync.computeIfAbsent(serviceId, id -> new LinkedHashSet<>());
        if (previousCep != null) previousCeps.add(previousCep);
        if (collected == null) syncAll(toSync);
    }

    /** One circle to rewrite: which one, its stored state and the services to place in it again. */
    private record Touched(String id, String accountId, String cep, List<ServiceView> services) {
    }

    /** {@code previousCeps}: service id → CEPs it may have left since its circles were last brought in line. */
    private void syncAll(Map<String, Set<String>> previousCeps) {
        var q = query(where("_id").in(previousCeps.keySet()));
        q.fields().exclude("history");
        Map<String, Touched> touched = new LinkedHashMap<>();
        for (ServiceView service : mongo.find(q, ServiceView.class)) {
            Set<String> ceps = new LinkedHashSet<>(previousCeps.get(service.id()));
            ceps.add(service.address().cep());
            for (String cep : ceps) {
                String id = ServiceMapView.idOf(service.accountId(), cep);
                touched.computeIfAbsent(id, k -> new Touched(id, service.accountId(), cep, new ArrayList<>())).services().add(service);
            }
        }
        if (touched.isEmpty()) return;
        Map<String, ServiceMapView> stored = mongo.find(query(where("_id").in(touched.keySet())), ServiceMapView.class)
                                                  .stream().collect(Collectors.toMap(ServiceMapView::id, Function.identity()));
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ServiceMapView.class);
        int expected = 0;
        for (Touched circle : touched.values()) {
            ServiceMapView current = stored.get(circle.id());
            List<ServiceMapView.Member> members = placed(current, circle.cep(), circle.services());
            if (current == null ? members.isEmpty() : members.equals(current.members())) continue;
            add(writes, circle, current, members);
            expected++;
        }
        if (expected == 0) return;
        if (!applied(writes, expected)) {
            for (Touched circle : touched.values()) {
                for (ServiceView service : circle.services()) recompute(service, circle.cep());
            }
        }
    }

    /** Whether every write of the bulk went through (none lost its revision race, no circle was there already). */
    private static boolean applied(BulkOperations writes, int expected) {
        try {
            BulkWriteResult result = writes.execute();
            return result.getInsertedCount() + result.getMatchedCount() + result.getDeletedCount() == expected;
        } catch (DataAccessException e) {
            if (!BatchedInserts.onlyDuplicateKeys(e)) throw e;
            return false; // a circle created concurrently: the others went in, all are checked again
        }
    }

    private static void add(BulkOperations writes, Touched circle, ServiceMapView current, List<ServiceMapView.Member> members) {
        if (members.isEmpty()) {
            writes.remove(query(where("_id").is(circle.id()).and("revision").is(current.revision())));
        } else if (current == null) {
            writes.insert(circleOf(circle.id(), circle.accountId(), circle.cep(), members, 1));
        } else {
            writes.updateOne(query(where("_id").is(circle.id()).and("revision").is(current.revision())),
                    updateOf(members, current.revision() + 1));
        }
    }

    /** The circle's members once each of {@code services} is placed by its current state. */
    private static List<ServiceMapView.Member> placed(ServiceMapView current, String cep, List<ServiceView> services) {
        List<ServiceMapView.Member> members = new ArrayList<>(current == null ? List.of() : current.members());
        Set<String> designations = services.stream().map(ServiceView::designation).collect(Collectors.toSet());
        members.removeIf(m -> designations.contains(m.designation()));
        for (ServiceView service : services) {
            if (cep.equals(service.address().cep()) && service.lat() != null && service.lon() != null) {
                var a = service.address();
                members.add(new ServiceMapView.Member(service.designation(), service.lat(), service.lon(), a.street(),
                        a.district(), a.city(), a.state()));
            }
        }
        members.sort(Comparator.comparing(ServiceMapView.Member::designation));
        return members;
    }

    /** One circle against one service, re-read and retried until its revision-guarded write goes through. */
    private void recompute(ServiceView service, String cep) {
        String id = ServiceMapView.idOf(service.accountId(), cep);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ServiceMapView current = mongo.findById(id, ServiceMapView.class);
            List<ServiceMapView.Member> members = placed(current, cep, List.of(service));
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
        if (current == null) {
            try {
                mongo.insert(circleOf(id, accountId, cep, members, 1));
                return true;
            } catch (DuplicateKeyException concurrentInsert) {
                return false;
            }
        }
        return mongo.updateFirst(query(where("_id").is(id).and("revision").is(current.revision())),
                updateOf(members, current.revision() + 1), ServiceMapView.class).getMatchedCount() == 1;
    }

    private static ServiceMapView circleOf(String id, String accountId, String cep, List<ServiceMapView.Member> members, long revision) {
        var first = members.get(0);
        return new ServiceMapView(id, accountId, cep, mean(members.stream().map(ServiceMapView.Member::lat).toList()),
                mean(members.stream().map(ServiceMapView.Member::lon).toList()), members.size(), first.street(),
                first.district(), first.city(), first.state(), members, revision);
    }

    private static Update updateOf(List<ServiceMapView.Member> members, long revision) {
        var first = members.get(0);
        return new Update().set("lat", mean(members.stream().map(ServiceMapView.Member::lat).toList()))
                           .set("lon", mean(members.stream().map(ServiceMapView.Member::lon).toList()))
                           .set("count", members.size()).set("street", first.street()).set("district", first.district())
                           .set("city", first.city()).set("state", first.state()).set("members", members)
                           .set("revision", revision);
    }

    /** Decimal arithmetic on the coordinates as written, so the mean of -23.561 and -23.563 is exactly -23.562. */
    static double mean(List<Double> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) sum = sum.add(BigDecimal.valueOf(v));
        return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64).doubleValue();
    }
}
