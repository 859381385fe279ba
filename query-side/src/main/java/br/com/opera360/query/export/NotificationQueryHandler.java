package br.com.opera360.query.export;

import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.export.FindNotifications;
import br.com.opera360.kernel.export.GetNotification;
import br.com.opera360.kernel.export.NotificationDetails;
import br.com.opera360.kernel.export.WatchNotifications;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Account and user are part of every filter: another user's export is simply not found. */
@Component
class NotificationQueryHandler {
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    NotificationQueryHandler(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Raw {@code Page}: Axon matches a handler's declared type without generics. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    CompletableFuture<Page> handle(FindNotifications q) {
        var filter = query(where("accountId").is(q.accountId().value()).and("userId").is(q.userId().value()));
        var page = Query.of(filter).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                        .skip(q.page().offset()).limit(q.page().size());
        var now = clock.instant();
        return mongo.count(filter, NotificationView.class)
                    .zipWith(mongo.find(page, NotificationView.class).map(v -> v.toDetails(now)).collectList())
                    .map(t -> (Page) Page.of(t.getT2(), q.page().page(), q.page().size(), t.getT1()))
                    .toFuture();
    }

    @QueryHandler
    CompletableFuture<NotificationDetails> handle(GetNotification q) {
        return mongo.findOne(query(where("_id").is(q.exportId().value()).and("accountId").is(q.accountId().value())
                            .and("userId").is(q.userId().value())), NotificationView.class)
                    .map(v -> v.toDetails(clock.instant()))
                    .toFuture();
    }

    /** The initial answer of the stream's subscription is the number of notifications; changes come as updates. */
    @QueryHandler
    CompletableFuture<Long> handle(WatchNotifications q) {
        return mongo.count(query(where("accountId").is(q.accountId().value()).and("userId").is(q.userId().value())),
                NotificationView.class).toFuture();
    }
}
