package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

import java.util.Map;
import java.util.Set;

/**
 * Index options the embedded store honours (unique, sparse, TTL, name) and the ones it refuses at {@code createIndexes}
 * with MongoDB's "CannotCreateIndex" error rather than build an index that would answer differently from MongoDB:
 * partial filters, collations, text, geo, hashed and wildcard indexes.
 */
final class IndexOptions {
    private static final int CANNOT_CREATE_INDEX = 67;
    private static final Set<String> REFUSED_OPTIONS = Set.of("partialFilterExpression", "collation", "weights",
            "default_language", "language_override", "textIndexVersion", "2dsphereIndexVersion", "bits", "min", "max",
            "wildcardProjection", "hidden");

    record Ttl(String field, long seconds) {
    }

    private IndexOptions() {
    }

    static void check(Document description) {
        String name = String.valueOf(description.get("name"));
        for (String option : REFUSED_OPTIONS) {
            if (description.containsKey(option)) {
                throw refused(name, "the option '" + option + "' is not supported by the embedded store");
            }
        }
        Object key = description.get("key");
        if (!(key instanceof Document keys) || keys.isEmpty()) throw refused(name, "an index needs at least one key");
        for (Map.Entry<String, Object> entry : keys.entrySet()) {
            if (entry.getKey().contains("$**")) throw refused(name, "wildcard indexes are not supported by the embedded store");
            if (!(entry.getValue() instanceof Number n) || Math.abs(n.doubleValue()) != 1.0) {
                throw refused(name, "index type '" + entry.getValue() + "' on '" + entry.getKey()
                        + "' is not supported by the embedded store (only 1 and -1)");
            }
        }
        if (description.containsKey("expireAfterSeconds")) {
            if (keys.size() != 1) throw refused(name, "a TTL index has exactly one key");
            if (!(description.get("expireAfterSeconds") instanceof Number seconds) || seconds.doubleValue() < 0) {
                throw refused(name, "expireAfterSeconds must be a non-negative number");
            }
        }
    }

    static Ttl ttl(Document description) {
        if (!(description.get("expireAfterSeconds") instanceof Number seconds)) return null;
        Document keys = (Document) description.get("key");
        return new Ttl(keys.keySet().iterator().next(), seconds.longValue());
    }

    private static MongoServerError refused(String name, String reason) {
        return new MongoServerError(CANNOT_CREATE_INDEX, "CannotCreateIndex", "Index '" + name + "': " + reason);
    }
}
