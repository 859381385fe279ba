package br.com.opera360.app.identity;

import br.com.opera360.command.user.Sessions;
import br.com.opera360.query.common.StoreDurability;
import br.com.opera360.web.security.LiveSession;
import br.com.opera360.web.security.LiveSessions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Sessions keyed by the SHA-256 of the access token. Written durably before the token is handed out, so access
 * tokens survive a restart. Expiry ({@code opera360.auth.session-lifetime}) is checked in code; the TTL index only
 * cleans up in MongoDB.
 */
public class MongoSessions implements Sessions, LiveSessions {
    static final String COLLECTION = "sessions";
    /** Absent on sessions opened before it was recorded here: the request then reads the credentials. */
    static final String MUST_CHANGE_PASSWORD = "mustChangePassword";
    private final MongoTemplate mongo;
    private final ReactiveMongoTemplate reactiveMongo;
    private final StoreDurability durability;
    private final Clock clock;
    private final Duration lifetime;

    public MongoSessions(MongoTemplate mongo, ReactiveMongoTemplate reactiveMongo, StoreDurability durability, Clock clock,
                         Duration lifetime) {
        this.mongo = mongo;
        this.reactiveMongo = reactiveMongo;
        this.durability = durability;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public void open(String sessionId, String userId, String accountId, Instant now, boolean mustChangePassword) {
        mongo.insert(new Document("_id", sessionId).append("userId", userId).append("accountId", accountId)
                .append(MUST_CHANGE_PASSWORD, mustChangePassword)
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(lifetime))), COLLECTION);
        durability.flush();
    }

    @Override
    public void end(String sessionId) {
        mongo.remove(query(where("_id").is(sessionId)), COLLECTION);
        durability.flush();
    }

    @Override
    public void endAllOf(String userId) {
        mongo.remove(query(where("userId").is(userId)), COLLECTION);
        durability.flush();
    }

    @Override
    public void keepOnlyAfterPasswordChange(String userId, String keptSessionId) {
        mongo.remove(query(where("userId").is(userId).and("_id").ne(keptSessionId)), COLLECTION);
        mongo.updateFirst(query(where("_id").is(keptSessionId).and("userId").is(userId)),
                new Update().set(MUST_CHANGE_PASSWORD, false), COLLECTION);
        durability.flush();
    }

    @Override
    public void requirePasswordChange(String userId) {
        mongo.updateMulti(query(where("userId").is(userId)), new Update().set(MUST_CHANGE_PASSWORD, true), COLLECTION);
        durability.flush();
    }

    @Override
    public Mono<LiveSession> find(String sessionId) {
        return reactiveMongo.findOne(query(where("_id").is(sessionId)), Document.class, COLLECTION)
                            .filter(d -> Instant.now(clock).isBefore(d.getDate("expiresAt").toInstant()))
                            .map(d -> new LiveSession(d.getString("userId"), d.getBoolean(MUST_CHANGE_PASSWORD)));
    }
}
