package br.com.opera360.app.identity;

import br.com.opera360.command.user.CredentialStore;
import br.com.opera360.query.common.StoreDurability;
import br.com.opera360.web.security.PasswordStates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Password hashes, one document per user. Owned by the identity feature; no projection writes here. */
@Component
public class MongoCredentialStore implements CredentialStore, PasswordStates {
    static final String COLLECTION = "credentials";
    private final MongoTemplate mongo;
    private final ReactiveMongoTemplate reactiveMongo;
    private final StoreDurability durability;
    private final Clock clock;

    MongoCredentialStore(MongoTemplate mongo, ReactiveMongoTemplate reactiveMongo, StoreDurability durability, Clock clock) {
        this.mongo = mongo;
        this.reactiveMongo = reactiveMongo;
        this.durability = durability;
        this.clock = clock;
    }

    @Override
    public void storePassword(String userId, String passwordHash, boolean temporary) {
        mongo.upsert(query(where("_id").is(userId)), new Update()
                .set("passwordHash", passwordHash)
                .set("temporary", temporary)
                .set("changedAt", Instant.now(clock)), COLLECTION);
        durability.flush();
    }

    @Override
    public Optional<StoredPassword> find(String userId) {
        Document doc = mongo.findOne(query(where("_id").is(userId)), Document.class, COLLECTION);
        if (doc == null || doc.getString("passwordHash") == null) return Optional.empty();
        return Optional.of(new StoredPassword(doc.getString("passwordHash"), Boolean.TRUE.equals(doc.getBoolean("temporary"))));
    }

    /** For the request filter: whether the user still holds a temporary password (no password at all counts too). */
    @Override
    public Mono<Boolean> mustChangePassword(String userId) {
        var q = query(where("_id").is(userId));
        q.fields().include("temporary");
        return reactiveMongo.findOne(q, Document.class, COLLECTION)
                            .map(doc -> !Boolean.FALSE.equals(doc.getBoolean("temporary")))
                            .defaultIfEmpty(true);
    }
}
