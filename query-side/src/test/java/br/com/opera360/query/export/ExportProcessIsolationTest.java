package br.com.opera360.query.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.export.CompleteExport;
import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.kernel.export.FailExport;
import br.com.opera360.kernel.export.StartExport;
import br.com.opera360.kernel.invoice.CountInvoices;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import com.mongodb.client.gridfs.GridFSUploadStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The process manager with its stores replaced: three exports on a pool of one worker (so two wait in the queue), the
 * second one's query breaks after its first row. That one ends FAILED with a reason for the user; the others still
 * end READY with all their rows, and no export stays RUNNING.
 */
class ExportProcessIsolationTest {
    static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");
    final CommandGateway commands = mock(CommandGateway.class);
    final QueryGateway queries = mock(QueryGateway.class);
    final ExportJobs jobs = mock(ExportJobs.class);
    final GridFsExportFiles files = mock(GridFsExportFiles.class);
    final List<Object> sent = new CopyOnWriteArrayList<>();
    ExportProcess process;

    @AfterEach
    void stop() {
        if (process != null) process.stop();
    }

    @Test
    void one_failing_export_never_affects_the_others_queued_with_it() {
        var settings = new ExportSettings(Duration.ofDays(3), 1, Duration.ofHours(1));
        process = new ExportProcess(commands, queries, jobs, files, Clock.fixed(NOW, ZoneOffset.UTC), settings, "node-a");
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return null;
        });
        for (String id : List.of("export-ok-1", "export-broken", "export-ok-2")) {
            var job = new Document("_id", id).append("accountId", "acc-" + id).append("dataset", "invoices").append("format", "csv");
            when(jobs.get(id)).thenReturn(job);
            when(jobs.queryOf(job)).thenReturn(Optional.of(allInvoices("acc-" + id)));
            when(jobs.start(id)).thenReturn(1);
        }
        when(queries.query(any(CountInvoices.class), eq(Long.class))).thenReturn(CompletableFuture.completedFuture(2L));
        when(queries.streamingQuery(any(ExportInvoices.class), eq(InvoiceListItem.class))).thenAnswer(call -> {
            ExportInvoices q = call.getArgument(0);
            return "acc-export-broken".equals(q.list().accountId().value())
                    ? Flux.just(row("1")).concatWith(Flux.error(new IllegalStateException("read model unreachable")))
                    : Flux.just(row("1"), row("2"));
        });
        when(files.create(any(), anyString(), anyString(), anyString())).thenAnswer(call -> mock(GridFSUploadStream.class));

        process.start();
        for (String id : List.of("export-ok-1", "export-broken", "export-ok-2")) {
            process.on(new ExportRequested(id, "acc-" + id, "user", "invoices", "csv", Map.of(), allInvoices("acc-" + id), NOW));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream()
                .filter(c -> c instanceof CompleteExport || c instanceof FailExport).count() == 3);
        assertThat(sent.stream().filter(StartExport.class::isInstance)).hasSize(3);
        assertThat(sent.stream().filter(CompleteExport.class::isInstance).map(CompleteExport.class::cast))
                .extracting(c -> c.exportId().value(), CompleteExport::rowCount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("export-ok-1", 2L),
                        org.assertj.core.groups.Tuple.tuple("export-ok-2", 2L));
        var failed = sent.stream().filter(FailExport.class::isInstance).map(FailExport.class::cast).toList();
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.exportId().value()).isEqualTo("export-broken");
            assertThat(f.reason()).startsWith("Não foi possível gerar o arquivo").doesNotContain("read model unreachable");
        });
    }

    /**
     * A job without a query (its request recorded before requests held one, with filters the list no longer accepts,
     * or a job recorded before jobs held their query) fails at once with a reason: nothing is queried or written.
     */
    @Test
    void a_job_without_a_query_fails_with_a_reason_for_the_user() {
        var settings = new ExportSettings(Duration.ofDays(3), 1, Duration.ofHours(1));
        process = new ExportProcess(commands, queries, jobs, files, Clock.fixed(NOW, ZoneOffset.UTC), settings, "node-a");
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return null;
        });
        var job = new Document("_id", "export-legacy").append("accountId", "acc").append("dataset", "invoices")
                .append("format", "csv").append("filters", new Document("status", List.of("LATE")));
        when(jobs.get("export-legacy")).thenReturn(job);
        when(jobs.queryOf(job)).thenReturn(Optional.empty());
        when(jobs.start("export-legacy")).thenReturn(1);

        process.start();
        process.on(new ExportRequested("export-legacy", "acc", "user", "invoices", "csv", Map.of("status", List.of("LATE")),
                null, NOW));

        await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream().anyMatch(FailExport.class::isInstance));
        assertThat(sent).singleElement().isInstanceOfSatisfying(FailExport.class,
                f -> assertThat(f.reason()).contains("antes de uma atualização do sistema").contains("Peça a exportação novamente"));
        org.mockito.Mockito.verifyNoInteractions(queries, files);
    }

    static ExportInvoices allInvoices(String account) {
        return new ExportInvoices(new FindInvoices(new AccountId(account), null, null, Set.of(), null, null, null,
                InvoiceSortField.DUE_DATE, false, new PageRequest(0, PageRequest.DEFAULT_SIZE)));
    }

    static InvoiceListItem row(String number) {
        return new InvoiceListItem("F-" + number, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), new BigDecimal("10.00"),
                new BigDecimal("10.00"), "Opera", InvoiceStatus.OPEN, "A vencer", null, 40);
    }
}
