package br.com.opera360.app.projection;

import br.com.opera360.app.projection.ProjectionOperations.ProjectionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Each streaming processor's state for the metrics endpoint, read on each scrape from the figures
 * {@code GET /api/ops/projections} shows: {@code opera360.projection.lag} (events behind the event store's head) and
 * {@code opera360.projection.errors} (1 while a segment is in error), tagged {@code processor}. They replace Axon's
 * per-message monitors, which are off ({@code axon.metrics.auto-configuration.enabled: false}): those time and count
 * every event in every processor, including the events a processor ignores, and cost about a quarter of the CPU of
 * a batch ingestion (see the README's ingestion benchmark).
 */
@Component
class ProjectionMetrics {
    private final ProjectionOperations projections;
    private final MeterRegistry meters;

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
        Gauge.builder(name, projections, ops -> read(ops, processor, value))
             .description(description).tag("processor", processor).register(meters);
    }

    /** NaN while the figure cannot be read (the event store unreachable): a scrape never fails for it. */
    private static double read(ProjectionOperations ops, String processor, ToDoubleFunction<ProjectionStatus> value) {
        try {
            return ops.list().stream().filter(s -> s.name().equals(processor)).findFirst()
                      .map(value::applyAsDouble).orElse(Double.NaN);
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }
}
