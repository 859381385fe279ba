package br.com.opera360.command.common;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/** Loading an aggregate that may not exist, the one way every command handler does it. */
public final class Aggregates {
    private Aggregates() {
    }

    /** The aggregate with that id, or empty when its stream does not exist. */
    public static <T> Optional<Aggregate<T>> find(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
