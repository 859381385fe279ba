package br.com.opera360.web.common;

import reactor.core.publisher.Mono;

/**
 * How the single-item ingestion endpoints run their command: each mode configuration declares one. Embedded, the
 * requests that arrive while the event store commits are committed together ({@link GroupedIngestions}); in
 * production every request is its own unit of work on Axon Server's bus, which routes it by aggregate and batches
 * the appends itself.
 */
public interface SingleIngestions {

    /** Runs one ingestion: its answer, once its events are durable. */
    Mono<IngestionAnswer> run(Mono<IngestionAnswer> ingestion);

    /** Each request on its own. */
    static SingleIngestions eachOnItsOwn() {
        return ingestion -> ingestion;
    }
}
