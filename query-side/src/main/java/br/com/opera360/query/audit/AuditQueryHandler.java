package br.com.opera360.query.audit;

import br.com.opera360.kernel.audit.AuditEvent;
import br.com.opera360.kernel.audit.FindAuditEvents;
import br.com.opera360.kernel.common.Page;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The audit list: always filtered by the caller's account, so another account's aggregate is simply an empty page. */
@Component
class AuditQueryHandler {
    private final ReactiveMongoTemplate mongo;

    AuditQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Raw {@code Page}: Axon matches a handler's declared type without generics ({@code instanceOf(Page.class)}). */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    CompletableFuture<Page> handle(FindAuditEvents q) {
        Criteria criteria = where("accountId").is(q.accountId().value());
        if (q.aggregateType() != null) criteria = criteria.and("aggregateType").is(q.aggregateType());
        if (q.aggregateId() != null) criteria = criteria.and("aggregateId").is(q.aggregateId());
        if (q.from() != null || q.to() != null) {
            Criteria at = criteria.and("timestamp");
            if (q.from() != null) at = at.gte(q.from());
            if (q.to() != null) at = at.lte(q.to());
        }
        Query filter = Query.query(criteria);
        var page = Query.of(filter).with(Sort.by(Sort.Direction.ASC, "_id")).skip(q.page().offset()).limit(q.page().size());
        var items = mongo.find(page, AuditEventView.class).map(AuditQueryHandler::event).collectList();
        return Mono.zip(items, mongo.count(filter, AuditEventView.class))
                   .map(t -> (Page) Page.of(t.getT1(), q.page().page(), q.page().size(), t.getT2()))
                   .toFuture();
    }

    private static AuditEvent event(AuditEventView v) {
        return new AuditEvent(v.globalIndex(), v.aggregateType(), v.aggregateId(), v.sequence(), v.eventType(), v.timestamp(),
                v.payload(), new AuditEvent.Metadata(v.actor(), v.source(), v.correlationId()));
    }
}
