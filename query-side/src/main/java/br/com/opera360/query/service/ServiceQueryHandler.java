package br.com.opera360.query.service;

import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.export.ExportServices;
import br.com.opera360.kernel.service.ServiceSummary;
import br.com.opera360.kernel.service.CepServices;
import br.com.opera360.kernel.service.CountServices;
import br.com.opera360.kernel.service.FindServiceMap;
import br.com.opera360.kernel.service.FindServiceTypes;
import br.com.opera360.kernel.service.FindServices;
import br.com.opera360.kernel.service.GetCepServices;
import br.com.opera360.kernel.service.GetService;
import br.com.opera360.kernel.service.MapCircle;
import br.com.opera360.kernel.service.ServiceDetails;
import br.com.opera360.kernel.service.ServiceFilter;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.kernel.service.ServiceTypeCount;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The account filter is part of every query: another account's service is simply not found. */
@Component
class ServiceQueryHandler {
    private final ReactiveMongoTemplate mongo;

    ServiceQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Raw {@code Page}: Axon matches a handler's declared type without generics ({@code instanceOf(Page.class)}). */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    CompletableFuture<Page> handle(FindServices q) {
        Criteria criteria = criteria(q.accountId().value(), q.filter());
        Query page = query(criteria).with(Sort.by("designationKey", "_id")).skip((long) q.page() * q.size()).limit(q.size());
        page.fields().exclude("history");
        return mongo.count(query(criteria), ServiceView.class)
                    .zipWith(mongo.find(page, ServiceView.class).map(ServiceView::toSummary).collectList())
                    .map(t -> (Page) Page.of(t.getT2(), q.page(), q.size(), t.getT1()))
                    .toFuture();
    }

    /** Exports: the list's filters and order over one cursor, read batch by batch as the consumer asks. */
    @QueryHandler
    Flux<ServiceSummary> handle(ExportServices q) {
        Query all = query(criteria(q.accountId().value(), q.filter())).with(Sort.by("designationKey", "_id")).cursorBatchSize(1000);
        all.fields().exclude("history");
        return mongo.find(all, ServiceView.class).map(ServiceView::toSummary);
    }

    @QueryHandler
    CompletableFuture<Long> handle(CountServices q) {
        return mongo.count(query(criteria(q.accountId().value(), q.filter())), ServiceView.class).toFuture();
    }

    /** The list's filters as a query; shared with whatever else lists services (exports). */
    static Criteria criteria(String accountId, ServiceFilter f) {
        Criteria c = where("accountId").is(accountId);
        // text filters match literally: the search text never acts as a regular expression
        if (f.designation() != null) c = c.and("designationKey").regex(Pattern.compile(Pattern.quote(SearchKeys.of(f.designation()))));
        if (f.city() != null) c = c.and("cityKey").regex(Pattern.compile(Pattern.quote(SearchKeys.of(f.city()))));
        if (f.state() != null) c = c.and("address.state").is(f.state());
        if (f.contract() != null) c = c.and("contract").is(f.contract());
        if (f.clientCode() != null) c = c.and("clientCode").is(f.clientCode());
        if (f.speedMbps() != null) c = c.and("speedMbps").is(f.speedMbps());
        if (!f.statuses().isEmpty()) c = c.and("status").in(f.statuses().stream().map(ServiceStatus::name).toList());
        if (!f.serviceTypes().isEmpty()) c = c.and("serviceType").in(f.serviceTypes());
        return c;
    }

    @QueryHandler
    CompletableFuture<ServiceDetails> handle(GetService q) {
        return mongo.findOne(query(where("_id").is(q.serviceId().value()).and("accountId").is(q.accountId().value())), ServiceView.class)
                    .map(ServiceView::toDetails)
                    .toFuture();
    }

    @QueryHandler
    CompletableFuture<List<ServiceTypeCount>> handle(FindServiceTypes q) {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(where("accountId").is(q.accountId().value())),
                Aggregation.group("serviceType").count().as("count"),
                Aggregation.sort(Sort.Direction.ASC, "_id"));
        return mongo.aggregate(aggregation, mongo.getCollectionName(ServiceView.class), Document.class)
                    .map(d -> new ServiceTypeCount(d.getString("_id"), ((Number) d.get("count")).longValue()))
                    .collectList()
                    .toFuture();
    }

    /**
     * Plain range filters on the stored mean location (the embedded store has no geo operators). A map answers
     * hundreds of small rows: they are read straight from the driver's cursor, in large batches, and mapped by hand,
     * instead of through the template's per-document entity callback (a converter call, two lifecycle events and an
     * inner publisher per row, which cost more than the query itself).
     */
    @QueryHandler
    CompletableFuture<List<MapCircle>> handle(FindServiceMap q) {
        var box = q.bbox();
        Query circles = query(where("accountId").is(q.accountId().value())
                .and("lat").gte(box.minLat()).lte(box.maxLat())
                .and("lon").gte(box.minLon()).lte(box.maxLon()))
                .with(Sort.by("_id"));
        circles.fields().include("cep", "lat", "lon", "count");
        return mongo.execute(mongo.getCollectionName(ServiceMapView.class), collection ->
                            collection.find(circles.getQueryObject()).projection(circles.getFieldsObject())
                                      .sort(circles.getSortObject()).batchSize(MAP_BATCH))
                    .map(d -> new MapCircle(d.getString("cep"), ((Number) d.get("lat")).doubleValue(),
                            ((Number) d.get("lon")).doubleValue(), ((Number) d.get("count")).intValue()))
                    .collectList()
                    .toFuture();
    }

    /** Circles per reply batch: a whole country's map of a large customer in one or two round trips. */
    static final int MAP_BATCH = 2_000;

    @QueryHandler
    CompletableFuture<CepServices> handle(GetCepServices q) {
        String accountId = q.accountId().value();
        return mongo.findOne(query(where("_id").is(ServiceMapView.idOf(accountId, q.cep().value())).and("accountId").is(accountId)),
                        ServiceMapView.class)
                    .flatMap(circle -> {
                        var ids = circle.members().stream().map(m -> accountId + ":" + m.designation()).toList();
                        var services = query(where("_id").in(ids).and("accountId").is(accountId)).with(Sort.by("designationKey", "_id"));
                        services.fields().include("designation", "serviceType", "speedMbps", "status");
                        return mongo.find(services, Document.class, mongo.getCollectionName(ServiceView.class))
                                    .map(d -> new CepServices.Service(d.getString("designation"), d.getString("serviceType"),
                                            ((Number) d.get("speedMbps")).intValue(), d.getString("status")))
                                    .collectList()
                                    .map(list -> new CepServices(circle.cep(), new CepServices.Address(circle.street(),
                                            circle.district(), circle.city(), circle.state(), circle.cep()), list));
                    })
                    .toFuture();
    }
}
