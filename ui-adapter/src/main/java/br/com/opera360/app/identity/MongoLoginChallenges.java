package br.com.opera360.app.identity;

import br.com.opera360.command.user.LoginChallenges;
import br.com.opera360.query.common.StoreDurability;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Login challenges: the token's hash, never the token. Expiry is checked in code ({@code expiresAt}); MongoDB's TTL
 * index only cleans up.
 */
@Component
class MongoLoginChallenges implements LoginChallenges {
    static final String COLLECTION = "login_challenges";
    private final MongoTemplate mongo;
    private final StoreDurability durability;

    MongoLoginChallenges(MongoTemplate mongo, StoreDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    @Override
    public void open(LoginChallenge c) {
        mongo.insert(new Document("_id", c.id()).append("userId", c.userId()).append("accountId", c.accountId())
                .append("tokenHash", c.tokenHash()).append("expiresAt", Date.from(c.expiresAt()))
                .append("wrongTokens", c.wrongTokens()).append("used", c.used()), COLLECTION);
        durability.flush();
    }

    @Override
    public Optional<LoginChallenge> find(String challengeId) {
        Document d = mongo.findOne(query(where("_id").is(challengeId)), Document.class, COLLECTION);
        if (d == null) return Optional.empty();
        return Optional.of(new LoginChallenge(d.getString("_id"), d.getString("userId"), d.getString("accountId"),
                d.getString("tokenHash"), d.getDate("expiresAt").toInstant(), d.getInteger("wrongTokens", 0),
                Boolean.TRUE.equals(d.getBoolean("used"))));
    }

    @Override
    public void recordWrongToken(String challengeId) {
        mongo.updateFirst(query(where("_id").is(challengeId)), new Update().inc("wrongTokens", 1), COLLECTION);
    }

    @Override
    public boolean consume(String challengeId, Instant now, int maxWrongTokens) {
        var usable = query(where("_id").is(challengeId).and("used").is(false)
                .and("wrongTokens").lt(maxWrongTokens).and("expiresAt").gt(Date.from(now)));
        boolean consumed = mongo.updateFirst(usable, new Update().set("used", true), COLLECTION).getModifiedCount() == 1;
        if (consumed) durability.flush();
        return consumed;
    }
}
