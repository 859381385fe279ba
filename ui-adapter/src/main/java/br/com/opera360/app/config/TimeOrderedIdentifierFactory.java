package br.com.opera360.app.config;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (events, commands, queries) as time-ordered UUIDs (version 7, RFC 9562, from
 * java-uuid-generator), instead of Axon's default random ones. The embedded event store keeps a unique B-tree index
 * on {@code eventIdentifier}: random keys land on a different page for nearly every event, and H2 rewrites each page a
 * commit touches, so a 500-event append rewrote some 500 index pages; ascending keys land on the last page or two.
 * The identifiers stay unique and opaque (their time prefix says only when a message was created, which its timestamp
 * says too). Axon finds this class through {@code ServiceLoader} ({@code META-INF/services/org.axonframework.common.IdentifierFactory}),
 * in both runtime modes.
 */
public class TimeOrderedIdentifierFactory extends IdentifierFactory {
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return UUIDS.generate().toString();
    }
}
