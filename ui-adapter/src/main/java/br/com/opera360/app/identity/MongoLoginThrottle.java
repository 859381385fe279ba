package br.com.opera360.app.identity;

import br.com.opera360.command.user.LoginThrottle;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * One document per e-mail that failed recently: {@code failures} (consecutive), {@code lockedUntil}. Every instance
 * sees the same counts. {@code expiresAt} lets MongoDB's TTL index drop a quiet e-mail's count after a day; the
 * embedded store has no TTL, so reads check it too.
 */
@Component
class MongoLoginThrottle implements LoginThrottle {
    static final String COLLECTION = "login_throttle";
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private final MongoTemplate mongo;

    MongoLoginThrottle(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean isLocked(String email, Instant now) {
        Document doc = mongo.findOne(query(where("_id").is(email)), Document.class, COLLECTION);
        if (doc == null) return false;
        Date lockedUntil = doc.getDate("lockedUntil");
        return lockedUntil != null && now.isBefore(lockedUntil.toInstant());
    }

    @Override
    public int recordFailure(String email, Instant now) {
        Document doc = mongo.findOne(query(where("_id").is(email)), Document.class, COLLECTION);
        if (doc != null && doc.getDate("expiresAt") != null && !now.isBefore(doc.getDate("expiresAt").toInstant())) {
            mongo.remove(query(where("_id").is(email).and("expiresAt").is(doc.getDate("expiresAt"))), COLLECTION);
        }
        Document updated = mongo.findAndModify(query(where("_id").is(email)),
                new Update().inc("failures", 1).set("lastFailureAt", Date.from(now))
                            .set("expiresAt", Date.from(now.plus(FORGET_AFTER))),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return updated == null ? 1 : updated.getInteger("failures", 1);
    }

    @Override
    public void lock(String email, Instant until) {
        mongo.updateFirst(query(where("_id").is(email)), new Update().set("failures", 0)
                .set("lockedUntil", Date.from(until)).set("expiresAt", Date.from(until.plus(FORGET_AFTER))), COLLECTION);
    }

    @Override
    public void reset(String email) {
        mongo.remove(query(where("_id").is(email)), COLLECTION);
    }
}
