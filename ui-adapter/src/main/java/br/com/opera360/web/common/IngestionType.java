package br.com.opera360.web.common;

import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * One kind of ingestion as both its single endpoint and the NDJSON batch run it: the JSON body's type and the one
 * function that validates the body, sends its command and maps the result. {@code name} is the batch line's
 * {@code type}.
 */
public record IngestionType<B>(String name, Class<B> bodyType, Function<B, Mono<IngestionAnswer>> ingest) {

    /** Implemented by the ingestion controllers: the kinds they ingest, which the batch dispatches to. */
    public interface Provider {
        java.util.List<IngestionType<?>> ingestionTypes();
    }
}
