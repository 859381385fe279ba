package br.com.opera360.app.projection;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.query.common.ReadModelGenerations;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Long because: status, replay and the generation-switch monitor read and change the same processors' state together.
// Over 200 lines because: status, replay and the monitor that moves reads to the new generation act on the same processors and generations; split, each would re-derive the others' view of them.
/**
 * Operations on the projections (streaming event processors): their status and a replay that rebuilds a read model
 * from the event store in a new {@link ReadModelGenerations generation} while the queries keep reading the complete
 * old one. A monitor moves the reads to the new generation once every segment of the processor has passed the
 * position at which it was reset, and drops the old generation.
 * <p>
 * Only processors whose processing group declares its read model ({@code ReadModel}) are replayable: a processor
 * with side effects (e-mails, sessions) has no such declaration and is refused. Uses only Axon APIs that both modes
 * offer ({@link StreamingEventProcessor}, {@link EventStore#createHeadToken()}).
 */
@Component
public class ProjectionOperations implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);
    private static final long MONITOR_PERIOD_MS = 200;

    private final Configuration axon;
    private final EventStore eventStore;
    private final ReadModelGenerations generations;
    private volatile ScheduledExecutorService monitor;

    ProjectionOperations(Configuration axon, EventStore eventStore, ReadModelGenerations generations) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.generations = generations;
    }

    /** One streaming processor as operations see it. */
    public record ProjectionStatus(String name, long position, long headPosition, long lag, boolean replaying,
                                   String status, boolean replayable, int generation, Integer buildingGeneration,
                                   int segments) {
    }

    /** A replay that has started. */
    public record ReplayStarted(String name, int generation) {
    }

    /** The streaming processors' names, without asking the event store anything (it may not be reachable yet). */
    public Set<String> names() {
        return streamingProcessors().keySet();
    }

    public List<ProjectionStatus> list() {
        long head = position(eventStore.createHeadToken());
        List<ProjectionStatus> all = new ArrayList<>();
        streamingProcessors().forEach((name, processor) -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                                  .mapToLong(p -> p.orElse(0)).min().orElse(0);
            var state = generations.state(name);
            boolean building = generations.isManaged(name) && state.building() != null;
            boolean replaying = building || status.values().stream().anyMatch(ProjectionOperations::stillReplaying);
            boolean error = status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
            String label = error ? "ERROR" : !processor.isRunning() ? "STOPPED" : replaying ? "REPLAYING" : "RUNNING";
            all.add(new ProjectionStatus(name, position, head, Math.max(0, head - position), replaying, label,
                    replayable(name, processor), state.active(), building ? state.building() : null, status.size()));
        });
        return all;
    }

    /**
     * Shuts the processor down, prepares the next generation, resets the tokens (the reset handlers act on the new
     * generation) and starts the processor again; it rebuilds the read model while the active generation serves.
     *
     * @throws Rejected 404 for an unknown processor, 409 for one with side effects or already replaying
     */
    public synchronized ReplayStarted replay(String name) {
        StreamingEventProcessor processor = streamingProcessors().get(name);
        if (processor == null) {
            throw Rejected.notFound("projection.not-found", "Projeção não encontrada: " + name + ".");
        }
        if (!replayable(name, processor)) {
            throw Rejected.conflict("projection.not-replayable", "A projeção " + name + " não pode ser reprocessada: "
                    + "seus manipuladores têm efeitos colaterais (e-mails, sessões) ou ela não declara um modelo de leitura.");
        }
        generations.refresh();
        if (generations.state(name).building() != null) {
            throw Rejected.conflict("projection.replaying", "A projeção " + name + " já está sendo reprocessada; "
                    + "acompanhe em GET /api/ops/projections e tente de novo quando terminar.");
        }
        log.info("Replay of projection '{}' requested", name);
        processor.shutDown();
        try {
            int generation = generations.startBuilding(name, processor::resetTokens);
            return new ReplayStarted(name, generation);
        } catch (UnableToClaimTokenException otherNode) {
            throw Rejected.conflict("projection.claimed", "A projeção " + name + " está em execução em outra instância; "
                    + "pare-a nas demais instâncias antes de reprocessar.");
        } finally {
            processor.start();
        }
    }

    /**
     * Embedded crash recovery (before the processors start): every replayable processor is rebuilt in a new
     * generation; the others are reset in place, as before.
     */
    public void rebuildAllBeforeStart() {
        generations.refresh();
        streamingProcessors().forEach((name, processor) -> {
            if (!processor.supportsReset()) return;
            if (replayable(name, processor)) {
                generations.startBuilding(name, processor::resetTokens);
            } else {
                processor.resetTokens();
                log.info("Projection '{}' will be rebuilt in place (it declares no read-model generations)", name);
            }
        });
    }

    private boolean replayable(String name, StreamingEventProcessor processor) {
        return generations.isManaged(name) && processor.supportsReset();
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> found = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> e : axon.eventProcessingConfiguration().eventProcessors().entrySet()) {
            if (e.getValue() instanceof StreamingEventProcessor streaming) found.put(e.getKey(), streaming);
        }
        return found;
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** Moves the reads to every new generation whose processor has replayed up to its reset position. */
    void finishCaughtUpReplays() {
        generations.refresh();
        for (String group : generations.groups()) {
            if (generations.state(group).building() == null) continue;
            StreamingEventProcessor processor = streamingProcessors().get(group);
            if (processor != null && caughtUp(processor)) generations.finishBuilding(group);
        }
    }

    /**
     * Every segment is claimed here and has passed the position at which it was reset. (Axon's own "replaying" flag
     * stays up until an event newer than the reset arrives, which on a quiet system may take forever.)
     */
    static boolean caughtUp(StreamingEventProcessor processor) {
        if (!processor.isRunning()) return false;
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) return false;
        double covered = 0;
        for (EventTrackerStatus s : status.values()) {
            if (s.isErrorState() || stillReplaying(s)) return false;
            covered += 1.0 / (s.getSegment().getMask() + 1);
        }
        return covered > 0.999;
    }

    /** A segment replays until it has handled the event at its reset position. */
    static boolean stillReplaying(EventTrackerStatus s) {
        if (!s.isReplaying()) return false;
        OptionalLong current = s.getCurrentPosition();
        OptionalLong reset = s.getResetPosition();
        return current.isEmpty() || reset.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    @Override
    public void start() {
        var executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "projection-generations");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                finishCaughtUpReplays();
            } catch (RuntimeException e) {
                log.warn("Projection replay monitor: {}", e.toString());
            }
        }, MONITOR_PERIOD_MS, MONITOR_PERIOD_MS, TimeUnit.MILLISECONDS);
        monitor = executor;
    }

    @Override
    public void stop() {
        var executor = monitor;
        monitor = null;
        if (executor == null) return;
        executor.shutdown(); // a switch in progress completes; no interrupt in the middle of it
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }
}
