package br.com.opera360.query.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.export.CompleteExport;
import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.kernel.export.ExportId;
import br.com.opera360.kernel.export.ExportQuery;
import br.com.opera360.kernel.export.FailExport;
import br.com.opera360.kernel.export.RecordExportProgress;
import br.com.opera360.kernel.export.StartExport;
import com.mongodb.client.gridfs.GridFSUploadStream;
import org.apache.commons.io.output.CountingOutputStream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One attempt at one export file, for {@link ExportProcess}: counts and streams the query the request recorded (the
 * list's own, parsed by the edge when the export was requested) into GridFS and records every outcome on the
 * {@code Export} aggregate (started, progress, completed, or failed with a pt-BR reason), so an export never stays
 * RUNNING; the persisted job ({@link ExportJobs}) holds the query and says which attempt this is. The commands go out
 * through the process manager's own sending ({@code commands}: send and wait, rejections thrown).
 */
final class ExportProduction {
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(ExportProcess.class);
    private static final String NO_QUERY = "Esta exportação foi pedida antes de uma atualização do sistema e não pode mais "
            + "ser gerada com os filtros que tinha. Peça a exportação novamente.";
    private static final String UNEXPECTED = "Não foi possível gerar o arquivo por um erro interno. Peça a exportação novamente.";

    private final Consumer<Object> commands;
    private final ExportRows exportRows;
    private final ExportJobs jobs;
    private final GridFsExportFiles files;
    private final Clock clock;
    private final Duration retention;

    ExportProduction(Consumer<Object> commands, ExportRows exportRows, ExportJobs jobs, GridFsExportFiles files, Clock clock,
                     Duration retention) {
        this.commands = commands;
        this.exportRows = exportRows;
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
        this.retention = retention;
    }

    /** {@code stopping}: whether the process is shutting down, when an error is then an interruption, not a failure. */
    void produce(String id, BooleanSupplier stopping) {
        Document job = jobs.get(id);
        if (job == null) return; // finished by another instance meanwhile
        var exportId = new ExportId(id);
        var account = new AccountId(job.getString("accountId"));
        int attempt = jobs.start(id);
        if (attempt > MAX_ATTEMPTS) {
            fail(exportId, account, "A exportação foi interrompida " + (attempt - 1) + " vezes e não será tentada de novo. Peça-a novamente.");
            return;
        }
        var format = ExportFormat.parse(job.getString("format"));
        long started = System.nanoTime();
        GridFSUploadStream upload = null;
        try {
            ExportQuery query = jobs.queryOf(job).orElse(null);
            if (query == null) {
                // requested before requests recorded their query, with filters the list no longer accepts, or queued
                // before jobs held their query
                log.warn("Export {} has no query: failed", id);
                fail(exportId, account, NO_QUERY);
                return;
            }
            var dataset = query.dataset();
            String fileName = dataset.fileStem() + "-" + id.substring(0, 8) + "." + format.code();
            long total = exportRows.count(query);
            commands.accept(new StartExport(exportId, account, attempt, total));
            log.info("Export {} ({} {}, account {}) started, attempt {}: {} rows", id, dataset.code(), format.code(),
                    account, attempt, total);
            upload = files.create(exportId, fileName, format.mediaType(), account.value());
            var counted = new CountingOutputStream(upload);
            long rows = exportRows.write(query, format, total, counted,
                    (progress, written) -> commands.accept(new RecordExportProgress(exportId, account, progress, written)));
            upload.close();
            upload = null;
            long size = counted.getByteCount();
            Instant readyAt = clock.instant();
            Instant expiresAt = readyAt.plus(retention);
            jobs.scheduleExpiry(id, expiresAt);
            commands.accept(new CompleteExport(exportId, account, rows, size, fileName, readyAt, expiresAt));
            jobs.ready(id);
            log.info("Export {} ready: {} rows, {} bytes in {} ms; deleted at {}", id, rows, size,
                    (System.nanoTime() - started) / 1_000_000, expiresAt);
        } catch (CommandExecutionException | Rejected rejected) {
            Rejected reason = Rejected.in(rejected).orElse(null);
            if (reason != null && "export.finished".equals(reason.code())) {
                // an earlier attempt ended it before the process died: its file (if READY) stays, and so does the
                // deletion schedule, if any
                var current = jobs.get(id);
                if (current != null && current.get("expiresAt") != null) jobs.ready(id);
                else jobs.remove(id);
                return;
            }
            abort(upload, exportId);
            log.warn("Export {} failed: {}", id, reason == null ? rejected.toString() : reason.detail());
            fail(exportId, account, UNEXPECTED);
        } catch (Exception | OutOfMemoryError e) {
            abort(upload, exportId);
            if (Thread.currentThread().isInterrupted() || stopping.getAsBoolean()) {
                log.info("Export {} interrupted by shutdown; it runs again on the next start", id);
                return;
            }
            log.error("Export {} failed", id, e);
            fail(exportId, account, UNEXPECTED);
        }
    }

    private void abort(GridFSUploadStream upload, ExportId exportId) {
        try {
            if (upload != null) upload.abort();
            files.delete(exportId);
        } catch (RuntimeException e) {
            log.warn("Could not remove the partial file of export {}", exportId, e);
        }
    }

    private void fail(ExportId exportId, AccountId account, String reason) {
        try {
            commands.accept(new FailExport(exportId, account, reason));
        } catch (RuntimeException e) {
            Rejected r = Rejected.in(e).orElse(null);
            if (r == null || !"export.finished".equals(r.code())) {
                log.error("Could not record the failure of export {}; it is retried by the next sweep", exportId, e);
                return;
            }
        }
        jobs.remove(exportId.value());
    }
}
