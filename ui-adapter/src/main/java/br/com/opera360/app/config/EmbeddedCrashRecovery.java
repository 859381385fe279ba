package br.com.opera360.app.config;

import br.com.opera360.app.projection.ProjectionOperations;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * After a crash of the embedded mode, rebuilds the projections from the event store before any processor starts.
 * <p>
 * Two facts of the embedded stores make the read models after a {@code kill -9} untrustworthy, although every
 * acknowledged event is safe in the event store:
 * <ul>
 *   <li>mongo-java-server's H2 MVStore writes its file in the background, and a background save is consistent per
 *   collection, not across collections: the file can hold a tracking token that is ahead of a view write made before
 *   it (seen by {@code KillNineIT}: the token at an {@code AccountRegistered} whose view update is missing).</li>
 *   <li>H2 makes a commit visible a moment before its synchronous write returns: a projection can see an event that
 *   the kill then takes away (its command was never acknowledged).</li>
 * </ul>
 * So when the previous run did not end cleanly (the marker file is still there), every replayable processor is
 * reset and its read model rebuilt from the durable events, in a new read-model generation
 * ({@link ProjectionOperations#rebuildAllBeforeStart()}): the queries keep reading the previous generation until the
 * rebuild has caught up, so no read sees a partly rebuilt view. A clean stop removes the marker; the rebuild costs time
 * only after a crash. Production (MongoDB, Axon Server) has neither weakness and never does this.
 */
final class EmbeddedCrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCrashRecovery.class);
    static final int PHASE = Phase.INBOUND_EVENT_CONNECTORS - 10;

    private final Path marker;
    private final Clock clock;
    private final Supplier<ProjectionOperations> projections;

    EmbeddedCrashRecovery(Path dataDir, Clock clock, Supplier<ProjectionOperations> projections) {
        this.marker = dataDir.resolve("eventstore").resolve("running.marker");
        this.clock = clock;
        this.projections = projections;
    }

    /** Before the processors start. */
    void beforeProcessorsStart() {
        if (Files.exists(marker)) {
            log.warn("The previous run did not shut down cleanly: rebuilding the read models from the event store "
                    + "(the previous read models serve until the rebuild has caught up)");
            projections.get().rebuildAllBeforeStart();
        }
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "running since " + Instant.now(clock) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    /** After the processors stopped: this run ended cleanly. */
    void afterProcessorsStop() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("Cannot remove {}: the next start will rebuild the read models", marker, e);
        }
    }
}
