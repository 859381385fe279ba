package br.com.opera360.query.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.export.ExpireExport;
import br.com.opera360.kernel.export.ExportId;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process manager of exports: the only part of the export's life that acts. It reacts to {@code ExportRequested}
 * (never on a replay: producing a file is a side effect), has the file produced ({@link ExportProduction}) on a bounded
 * pool (more requests wait in its queue; one failure never touches the others), and records the export expired
 * once the retention has passed and the file is deleted.
 * <p>
 * Restart-safe: its own state ({@link ExportJobs}) is persisted before it is relied on. An export that was being
 * produced when the process died is produced again from the first row after the restart (attempt n+1; after
 * {@value ExportProduction#MAX_ATTEMPTS} attempts it fails with a reason), and due deletions are found by a sweep that reads the
 * persisted schedule, so nothing depends on a timer held in memory.
 */
@Component
@ProcessingGroup(ProcessingGroups.EXPORT_PROCESS)
public class ExportProcess implements SmartLifecycle {
    /** How long an instance's claim on a job holds without renewal (renewed at every sweep). */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(ExportProcess.class);

    private final CommandGateway commands;
    private final ExportProduction production;
    private final ExportJobs jobs;
    private final GridFsExportFiles files;
    private final Clock clock;
    private final Duration sweepInterval;
    private final int workers;
    private final String node;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ThreadPoolExecutor pool;
    private volatile ScheduledExecutorService sweeper;

    ExportProcess(CommandGateway commands, QueryGateway queries, ExportJobs jobs, GridFsExportFiles files, Clock clock,
                  ExportSettings settings, @Value("${opera360.axon.node-id:}") String nodeId) {
        this.commands = commands;
        this.production = new ExportProduction(commands::sendAndWait, new ExportRows(queries), jobs, files, clock,
                settings.retention());
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
        this.sweepInterval = settings.sweepInterval();
        this.workers = Math.max(1, settings.workers());
        this.node = nodeId == null || nodeId.isBlank() ? "node-" + UUID.randomUUID() : nodeId;
    }

    @EventHandler
    @DisallowReplay
    void on(ExportRequested e) {
        jobs.add(e, node, clock.instant().plus(LEASE));
        submit(e.exportId());
    }

    private void submit(String exportId) {
        var executor = pool;
        if (executor == null || executor.isShutdown()) return; // stopping: the next start takes the job back
        if (!inFlight.add(exportId)) return;
        executor.execute(() -> {
            try {
                production.produce(exportId, () -> executor.isShutdown());
            } finally {
                inFlight.remove(exportId);
            }
        });
    }

    /** Renews this instance's leases, takes orphaned jobs over and deletes the files whose retention ended. */
    void sweep() {
        try {
            Instant now = clock.instant();
            jobs.renew(Set.copyOf(inFlight), node, now.plus(LEASE));
            for (Document job : jobs.orphans(node, now)) {
                String id = job.getString("_id");
                if (inFlight.contains(id)) continue;
                if (jobs.claim(id, node, now, now.plus(LEASE))) {
                    log.info("Export {} was interrupted (state {}, attempt {}): producing it again", id, job.getString("state"),
                            job.getInteger("attempts", 0));
                    submit(id);
                }
            }
            for (Document job : jobs.due(now)) expire(job);
        } catch (RuntimeException e) {
            log.error("Export sweep failed; it runs again in {}", sweepInterval, e);
        }
    }

    private void expire(Document job) {
        String id = job.getString("_id");
        var exportId = new ExportId(id);
        files.delete(exportId);
        try {
            commands.sendAndWait(new ExpireExport(exportId, new AccountId(job.getString("accountId"))));
        } catch (RuntimeException e) {
            Rejected r = Rejected.in(e).orElse(null);
            // a write that lost a race is tried again by the next sweep; a rule that says no is final
            if (r == null || r.code().equals(Rejected.concurrentChange().code())) throw e;
            log.warn("Export {} could not be marked expired: {}", id, r.detail());
        }
        jobs.remove(id);
        log.info("Export {} expired: file deleted", id);
    }

    @Override
    public void start() {
        var counter = new AtomicInteger();
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    var t = new Thread(r, "export-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "export-sweep");
            t.setDaemon(true);
            return t;
        });
        // at once: exports this instance was producing when it stopped are taken back before anything else
        sweeper.scheduleWithFixedDelay(this::sweep, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        var executor = pool;
        if (executor != null) executor.shutdownNow();
        if (sweeper != null) sweeper.shutdownNow();
        try {
            if (executor != null) executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return pool != null && !pool.isShutdown();
    }

    /** After the web server and the Axon processors: the first sweep may send commands. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
