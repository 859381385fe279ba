package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportCompleted;
import br.com.opera360.kernel.export.ExportExpired;
import br.com.opera360.kernel.export.ExportFailed;
import br.com.opera360.kernel.export.ExportProgressed;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.kernel.export.ExportStarted;
import br.com.opera360.kernel.export.ExportStatus;
import br.com.opera360.kernel.export.WatchNotifications;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Notifications are a projection of the export's events like any other read model: replayable, guarded by the
 * export's sequence (a redelivered event changes nothing), and each change is pushed to the requester's
 * subscriptions (the SSE stream), filtered by account and user.
 */
@Component
@ProcessingGroup(ProcessingGroups.NOTIFICATION)
class NotificationProjection {
    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;
    private final Clock clock;

    NotificationProjection(MongoTemplate mongo, QueryUpdateEmitter updates, Clock clock) {
        this.mongo = mongo;
        this.updates = updates;
        this.clock = clock;
    }

    @EventHandler
    void on(ExportRequested e, @SequenceNumber long seq, ReplayStatus replay) {
        apply(e.exportId(), seq, replay, new Update()
                .set("accountId", e.accountId())
                .set("userId", e.userId())
                .set("dataset", e.dataset())
                .set("format", e.format())
                .set("state", ExportStatus.REQUESTED.name())
                .set("progress", 0)
                .set("rowCount", 0L)
                .set("createdAt", e.requestedAt()));
    }

    @EventHandler
    void on(ExportStarted e, @SequenceNumber long seq, ReplayStatus replay) {
        apply(e.exportId(), seq, replay, new Update().set("state", ExportStatus.RUNNING.name()).set("progress", 0).set("rowCount", 0L));
    }

    @EventHandler
    void on(ExportProgressed e, @SequenceNumber long seq, ReplayStatus replay) {
        apply(e.exportId(), seq, replay, new Update().set("progress", e.progress()).set("rowCount", e.rowCount()));
    }

    @EventHandler
    void on(ExportCompleted e, @SequenceNumber long seq, ReplayStatus replay) {
        apply(e.exportId(), seq, replay, new Update()
                .set("state", ExportStatus.READY.name())
                .set("progress", 100)
                .set("rowCount", e.rowCount())
                .set("readyAt", e.readyAt())
                .set("expiresAt", e.expiresAt())
                .set("fileName", e.fileName()));
    }

    @EventHandler
    void on(ExportFailed e, @SequenceNumber long seq, ReplayStatus replay) {
        apply(e.exportId(), seq, replay, new Update().set("state", ExportStatus.FAILED.name()).set("failureReason", e.reason()));
    }

    @EventHandler
    void on(ExportExpired e, @SequenceNumber long seq, ReplayStatus replay) {
        apply(e.exportId(), seq, replay, new Update().set("state", ExportStatus.EXPIRED.name()));
    }

    private void apply(String exportId, long seq, ReplayStatus replay, Update update) {
        update.set("version", seq);
        var result = mongo.updateFirst(query(where("_id").is(exportId).and("version").lt(seq)), update, NotificationView.class);
        if (result.getMatchedCount() == 0) {
            if (mongo.exists(query(where("_id").is(exportId)), NotificationView.class)) return; // redelivered
            // the creation event: one segment owns this export's events, so nobody inserts it concurrently
            mongo.upsert(query(where("_id").is(exportId)), update, NotificationView.class);
        }
        // a rebuild replays history into a new generation: its subscribers saw those states long ago
        if (replay.isReplay()) return;
        var view = mongo.findById(exportId, NotificationView.class);
        if (view == null) return;
        var details = view.toDetails(clock.instant());
        updates.emit(WatchNotifications.class, q -> q.accountId().value().equals(view.accountId())
                && q.userId().value().equals(view.userId()), details);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), NotificationView.class);
    }
}
