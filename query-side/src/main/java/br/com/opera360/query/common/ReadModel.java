package br.com.opera360.query.common;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Declares the read-model collections a projection's processing group writes, and their indexes. A processing group
 * with at least one declaration is rebuilt in a new generation (see {@link ReadModelGenerations}); a group without
 * one is never offered for replay. Several declarations may name the same group (users and profiles: "identity").
 */
public interface ReadModel {

    /** The processing group (= the streaming event processor's name) whose projections write these collections. */
    String group();

    /** Base names of the collections (generation 0 uses them as they are). */
    List<String> collections();

    /**
     * Creates the indexes real MongoDB needs. Called at startup for the active generation and before a rebuild for
     * the new one; {@code mongo.indexOps(View.class)} resolves to the generation being prepared.
     */
    default void ensureIndexes(MongoTemplate mongo) {
    }
}
