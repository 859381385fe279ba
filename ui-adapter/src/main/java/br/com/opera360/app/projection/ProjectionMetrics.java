package br.com.opera360.app.projection;

import br.com.opera360.app.projection.ProjectionOperations.ProjectionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Each streaming processor's state for the metrics endpoint, read on each scrape from the figures
 * {@code GET /api/ops/projections} shows: {@code opera360.projection.lag} (events behind the event store's head) and
 * {@code opera360.projection.errors} (1 while a segment is in error), tagged {@code processor}. They replace Axon's
 * per-message monitors, which are off ({@code axon.metrics.auto-configuration.enabled: false}): those time and count
 * every event in every processor, including the events a processor ignores, and cost about a quarter of the CPU of
 * a batch ingestion (see the README's ingestion benchmark). A scrape reads every gauge at once: the statuses (one head
 * query to the event store) are read once and serve every gauge of that scrape, for up to {@value #FRESH_MS} ms.
 */
@Component
class ProjectionMetrics {
    static final long FRESH_MS = 1_000;

    private final ProjectionOperations projections;
    private final MeterRegistry meters;
    private volatile Reading last;

    /** The statuses as read at {@code atNanos}. */
    private record Reading(long atNanos, List<ProjectionStatus> statuses) {
    }

    ProjectionMetrics(ProjectionOperations projections, MeterRegistry meters) {
        this.projections = projections;
        this.meters = meters;
    }

    /** Registers by name only: in production Axon Server may not be reachable yet, and the start must not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String processor : projections.names()) {
            gauge("opera360.projection.lag", "events behind the event store's head", processor, s -> s.lag());
            gauge("opera360.projection.errors", "1 while a segment of the processor is in error", processor,
                    s -> "ERROR".equals(s.status()) ? 1 : 0);
        }
    }

    private void gauge(String name, String description, String processor, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(name, this, metrics -> metrics.read(processor, value))
             .description(description).tag("processor", processor).register(meters);
    }

    /** NaN while the figure cannot be read (the event store unreachable): a scrape never fails for it. */
    private double read(String processor, ToDoubleFunction<ProjectionStatus> value) {
        try {
            return statuses().stream().filter(s -> s.name().equals(processor)).findFirst()
                             .map(value::applyAsDouble).orElse(Double.NaN);
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }

    private List<ProjectionStatus> statuses() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.atNanos() > TimeUnit.MILLISECONDS.toNanos(FRESH_MS)) {
            reading = new Reading(now, projections.list());
            last = reading;
        }
        return reading.statuses();
    }
}
