package br.com.opera360.query.user;

import br.com.opera360.kernel.common.ViewChanged;
import br.com.opera360.kernel.user.GetUser;
import br.com.opera360.kernel.user.GetUserAccess;
import br.com.opera360.kernel.user.LoginSucceeded;
import br.com.opera360.kernel.user.TemporaryPasswordIssued;
import br.com.opera360.kernel.user.UserChanged;
import br.com.opera360.kernel.user.UserCreated;
import br.com.opera360.kernel.user.UserDeactivated;
import br.com.opera360.kernel.user.UserReactivated;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Users and profiles share the processing group {@value ProcessingGroups#IDENTITY}: one ordered stream, so when a user's view shows an
 * event, the profiles created before it are in their view too. Every write is guarded by the user's sequence, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.IDENTITY)
class UserProjection {
    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;

    UserProjection(MongoTemplate mongo, QueryUpdateEmitter updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(UserCreated e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.userId(), seq, new Update()
                .set("accountId", e.accountId())
                .set("name", e.name())
                .set("email", e.email())
                .set("phone", e.phone())
                .set("cpf", e.cpf())
                .set("profileId", e.profileId())
                .set("administrator", e.administrator())
                .set("status", "ACTIVE")
                .set("createdAt", at)
                .set("nameKey", UserView.searchKey(e.name()))
                .set("emailKey", UserView.searchKey(e.email())));
    }

    @EventHandler
    void on(UserChanged e, @SequenceNumber long seq) {
        apply(e.userId(), seq, new Update()
                .set("name", e.name())
                .set("phone", e.phone())
                .set("cpf", e.cpf())
                .set("profileId", e.profileId())
                .set("nameKey", UserView.searchKey(e.name())));
    }

    @EventHandler
    void on(UserDeactivated e, @SequenceNumber long seq) {
        apply(e.userId(), seq, new Update().set("status", "INACTIVE"));
    }

    @EventHandler
    void on(UserReactivated e, @SequenceNumber long seq) {
        apply(e.userId(), seq, new Update().set("status", "ACTIVE"));
    }

    /** Not shown, but it ends the user's creation: a write waiting for the view waits for this version. */
    @EventHandler
    void on(TemporaryPasswordIssued e, @SequenceNumber long seq) {
        apply(e.userId(), seq, new Update());
    }

    @EventHandler
    void on(LoginSucceeded e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.userId(), seq, new Update().set("lastLoginAt", at));
    }

    private void apply(String userId, long seq, Update update) {
        update.set("version", seq);
        var result = mongo.updateFirst(query(where("_id").is(userId).and("version").lt(seq)), update, UserView.class);
        if (result.getMatchedCount() == 0 && !mongo.exists(query(where("_id").is(userId)), UserView.class)) {
            // the creation event: one processor segment owns this user's events, so nobody inserts it concurrently
            mongo.upsert(query(where("_id").is(userId)), update, UserView.class);
        }
        var changed = new ViewChanged(userId, seq);
        updates.emit(GetUser.class, q -> q.userId().value().equals(userId), changed);
        updates.emit(GetUserAccess.class, q -> q.userId().value().equals(userId), changed);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), UserView.class);
    }
}
