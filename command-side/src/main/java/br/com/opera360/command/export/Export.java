package br.com.opera360.command.export;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.export.CompleteExport;
import br.com.opera360.kernel.export.ExpireExport;
import br.com.opera360.kernel.export.ExportCompleted;
import br.com.opera360.kernel.export.ExportExpired;
import br.com.opera360.kernel.export.ExportFailed;
import br.com.opera360.kernel.export.ExportProgressed;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.kernel.export.ExportStarted;
import br.com.opera360.kernel.export.ExportStatus;
import br.com.opera360.kernel.export.FailExport;
import br.com.opera360.kernel.export.RecordExportProgress;
import br.com.opera360.kernel.export.RequestExport;
import br.com.opera360.kernel.export.StartExport;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One export request and its life: requested → running (with progress; started again after a restart) → ready or
 * failed → expired. Its events are the history the notifications are projected from. Keeps only what its decisions
 * need: the state and the last progress recorded.
 */
@Aggregate
public class Export {
    @AggregateIdentifier
    private String exportId;
    private String accountId;
    private ExportStatus status;
    private int progress;

    protected Export() {
    }

    @CommandHandler
    public Export(RequestExport cmd) {
        Map<String, List<String>> filters = new HashMap<>();
        cmd.filters().forEach((name, values) -> filters.put(name, List.copyOf(values)));
        apply(new ExportRequested(cmd.exportId().value(), cmd.accountId().value(), cmd.userId().value(),
                cmd.dataset().code(), cmd.format().code(), filters, cmd.query(), cmd.requestedAt()));
    }

    /** A start after a restart begins again from the first row: the earlier attempt's file was never stored. */
    @CommandHandler
    void handle(StartExport cmd) {
        if (status != ExportStatus.REQUESTED && status != ExportStatus.RUNNING) throw finished();
        apply(new ExportStarted(exportId, accountId, cmd.attempt(), cmd.totalRows()));
    }

    @CommandHandler
    void handle(RecordExportProgress cmd) {
        if (status != ExportStatus.RUNNING) throw notRunning();
        if (cmd.progress() <= progress) return; // nothing new: late or repeated report
        apply(new ExportProgressed(exportId, accountId, cmd.progress(), cmd.rowCount()));
    }

    @CommandHandler
    void handle(CompleteExport cmd) {
        if (status != ExportStatus.RUNNING) throw notRunning();
        apply(new ExportCompleted(exportId, accountId, cmd.rowCount(), cmd.sizeBytes(), cmd.fileName(), cmd.readyAt(),
                cmd.expiresAt()));
    }

    @CommandHandler
    void handle(FailExport cmd) {
        if (status != ExportStatus.REQUESTED && status != ExportStatus.RUNNING) throw finished();
        apply(new ExportFailed(exportId, accountId, cmd.reason()));
    }

    @CommandHandler
    void handle(ExpireExport cmd) {
        if (status == ExportStatus.EXPIRED) return; // already recorded: the sweep ran twice
        if (status != ExportStatus.READY) {
            throw Rejected.conflict("export.not-ready", "Só uma exportação pronta pode expirar.");
        }
        apply(new ExportExpired(exportId, accountId));
    }

    private static Rejected finished() {
        return Rejected.conflict("export.finished", "Esta exportação já terminou.");
    }

    private static Rejected notRunning() {
        return Rejected.conflict("export.not-running", "Esta exportação não está em andamento.");
    }

    @EventSourcingHandler
    void on(ExportRequested e) {
        exportId = e.exportId();
        accountId = e.accountId();
        status = ExportStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(ExportStarted e) {
        status = ExportStatus.RUNNING;
        progress = 0;
    }

    @EventSourcingHandler
    void on(ExportProgressed e) {
        progress = e.progress();
    }

    @EventSourcingHandler
    void on(ExportCompleted e) {
        status = ExportStatus.READY;
        progress = 100;
    }

    @EventSourcingHandler
    void on(ExportFailed e) {
        status = ExportStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ExportExpired e) {
        status = ExportStatus.EXPIRED;
    }
}
