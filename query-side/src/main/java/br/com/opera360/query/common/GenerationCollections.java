package br.com.opera360.query.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The collections of a processing group's read-model generations in the store: which base names a group declares, and
 * dropping a generation's collections, or every collection of a generation that is neither active nor building.
 * {@link ReadModelGenerations} decides when, under its lock.
 */
final class GenerationCollections {
    private static final Logger log = LoggerFactory.getLogger(GenerationCollections.class);
    private final MongoTemplate mongo;
    private final Map<String, List<ReadModel>> models;

    GenerationCollections(MongoTemplate mongo, Map<String, List<ReadModel>> models) {
        this.mongo = mongo;
        this.models = models;
    }

    private List<String> baseCollections(String group) {
        Set<String> names = new LinkedHashSet<>();
        models.getOrDefault(group, List.of()).forEach(m -> names.addAll(m.collections()));
        return List.copyOf(names);
    }

    void drop(String group, int generation) {
        for (String base : baseCollections(group)) {
            String name = ReadModelGenerations.name(base, generation);
            if (mongo.collectionExists(name)) mongo.dropCollection(name);
        }
    }

    /** Collections of generations that are neither active nor building (left by a crash during a switch). */
    void dropStale(String group, ReadModelGenerations.State state) {
        Set<String> existing = mongo.getCollectionNames();
        for (String base : baseCollections(group)) {
            Pattern generationOf = Pattern.compile(Pattern.quote(base) + "(?:_g(\\d+))?");
            for (String name : existing) {
                var m = generationOf.matcher(name);
                if (!m.matches()) continue;
                int generation = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                if (generation != state.active() && !Objects.equals(state.building(), generation)) {
                    log.info("Read model '{}': dropping stale collection {}", group, name);
                    mongo.dropCollection(name);
                }
            }
        }
    }
}
