package br.com.opera360.app.identity;

import br.com.opera360.command.user.CredentialStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Password hashes, one document per user. Owned by the identity feature; no projection writes here. */
@Component
class MongoCredentialStore implements CredentialStore {
    static final String COLLECTION = "credentials";
    private final MongoTemplate mongo;
    private final StoreDurability durability;
    private final Clock clock;

    MongoCredentialStore(MongoTemplate mongo, StoreDurability durability, Clock clock) {
        this.mongo = mongo;
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
}
