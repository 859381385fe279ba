package br.com.opera360.app.identity;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Indexes the identity collections need in a real MongoDB: who owns a session (ending them all) and TTL clean-up of
 * expired challenges, sessions and failure counts. Expiry itself is always checked in code.
 */
@Component
class IdentityIndexes implements SmartInitializingSingleton {
    private final MongoTemplate mongo;

    IdentityIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(MongoSessions.COLLECTION).ensureIndex(new Index("userId", Sort.Direction.ASC).named("userId"));
        for (String collection : new String[]{MongoSessions.COLLECTION, MongoLoginChallenges.COLLECTION, MongoLoginThrottle.COLLECTION}) {
            mongo.indexOps(collection).ensureIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
        }
    }
}
