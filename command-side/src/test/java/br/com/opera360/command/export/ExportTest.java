package br.com.opera360.command.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.export.CompleteExport;
import br.com.opera360.kernel.export.ExpireExport;
import br.com.opera360.kernel.export.ExportCompleted;
import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.kernel.export.ExportExpired;
import br.com.opera360.kernel.export.ExportFailed;
import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.kernel.export.ExportId;
import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.export.ExportProgressed;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.kernel.export.ExportStarted;
import br.com.opera360.kernel.export.FailExport;
import br.com.opera360.kernel.export.RecordExportProgress;
import br.com.opera360.kernel.export.RequestExport;
import br.com.opera360.kernel.export.StartExport;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportTest {
    static final ExportId ID = new ExportId("e-1");
    static final AccountId ACCOUNT = new AccountId("acme");
    static final Instant AT = Instant.parse("2026-03-10T15:00:00Z");
    static final Instant EXPIRES = AT.plus(Duration.ofDays(3));

    private final FixtureConfiguration<Export> fixture = new AggregateTestFixture<>(Export.class);

    /** What the edge parsed {@code status=OPEN&status=PAID} into. */
    static final ExportInvoices QUERY = new ExportInvoices(new FindInvoices(ACCOUNT, null, null,
            Set.of(InvoiceStatus.OPEN, InvoiceStatus.PAID), null, null, null, InvoiceSortField.DUE_DATE, false,
            new PageRequest(0, PageRequest.DEFAULT_SIZE)));

    static ExportRequested requested() {
        return new ExportRequested("e-1", "acme", "u-1", "invoices", "xlsx", Map.of("status", List.of("OPEN", "PAID")),
                QUERY, AT);
    }

    static ExportStarted started(int attempt) {
        return new ExportStarted("e-1", "acme", attempt, 1000);
    }

    static ExportCompleted completed() {
        return new ExportCompleted("e-1", "acme", 1000, 4096, "faturas-e-1.xlsx", AT, EXPIRES);
    }

    @Test
    void a_request_records_who_asked_for_what_with_which_filters_and_their_parsed_query() {
        fixture.givenNoPriorActivity()
               .when(new RequestExport(ID, ACCOUNT, new UserId("u-1"), ExportDataset.INVOICES, ExportFormat.XLSX,
                       Map.of("status", List.of("OPEN", "PAID")), QUERY, AT))
               .expectEvents(requested());
    }

    @Test
    void a_request_whose_query_is_of_another_dataset_or_account_is_not_a_request() {
        assertThatThrownBy(() -> new RequestExport(ID, ACCOUNT, new UserId("u-1"), ExportDataset.SERVICES, ExportFormat.XLSX,
                Map.of(), QUERY, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestExport(ID, new AccountId("other"), new UserId("u-1"), ExportDataset.INVOICES,
                ExportFormat.XLSX, Map.of(), QUERY, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_requested_export_starts_and_reports_progress() {
        fixture.given(requested())
               .when(new StartExport(ID, ACCOUNT, 1, 1000))
               .expectEvents(started(1));
        fixture.given(requested(), started(1))
               .when(new RecordExportProgress(ID, ACCOUNT, 5, 50))
               .expectEvents(new ExportProgressed("e-1", "acme", 5, 50));
    }

    @Test
    void a_late_or_repeated_progress_report_records_nothing() {
        fixture.given(requested(), started(1), new ExportProgressed("e-1", "acme", 40, 400))
               .when(new RecordExportProgress(ID, ACCOUNT, 35, 350))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void an_export_interrupted_by_a_restart_starts_again_from_zero() {
        fixture.given(requested(), started(1), new ExportProgressed("e-1", "acme", 40, 400))
               .when(new StartExport(ID, ACCOUNT, 2, 1000))
               .expectEvents(started(2));
        fixture.given(requested(), started(1), new ExportProgressed("e-1", "acme", 40, 400), started(2))
               .when(new RecordExportProgress(ID, ACCOUNT, 5, 50))
               .expectEvents(new ExportProgressed("e-1", "acme", 5, 50));
    }

    @Test
    void a_running_export_completes_with_its_retention() {
        fixture.given(requested(), started(1))
               .when(new CompleteExport(ID, ACCOUNT, 1000, 4096, "faturas-e-1.xlsx", AT, EXPIRES))
               .expectEvents(completed());
    }

    @Test
    void only_a_running_export_completes() {
        fixture.given(requested())
               .when(new CompleteExport(ID, ACCOUNT, 1000, 4096, "faturas-e-1.xlsx", AT, EXPIRES))
               .expectNoEvents().expectException(Rejected.class);
        fixture.given(requested(), started(1), completed())
               .when(new CompleteExport(ID, ACCOUNT, 1000, 4096, "faturas-e-1.xlsx", AT, EXPIRES))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_requested_or_running_export_may_fail_with_a_reason() {
        fixture.given(requested(), started(1))
               .when(new FailExport(ID, ACCOUNT, "Erro interno"))
               .expectEvents(new ExportFailed("e-1", "acme", "Erro interno"));
        fixture.given(requested())
               .when(new FailExport(ID, ACCOUNT, "Erro interno"))
               .expectEvents(new ExportFailed("e-1", "acme", "Erro interno"));
    }

    @Test
    void a_finished_export_neither_starts_again_nor_fails() {
        fixture.given(requested(), started(1), completed())
               .when(new StartExport(ID, ACCOUNT, 2, 1000))
               .expectNoEvents().expectExceptionMessage("Esta exportação já terminou.");
        fixture.given(requested(), started(1), new ExportFailed("e-1", "acme", "x"))
               .when(new FailExport(ID, ACCOUNT, "y"))
               .expectNoEvents().expectException(Rejected.class);
        fixture.given(requested(), started(1), new ExportFailed("e-1", "acme", "x"))
               .when(new RecordExportProgress(ID, ACCOUNT, 50, 500))
               .expectNoEvents().expectException(Rejected.class);
    }

    @Test
    void a_ready_export_expires_once() {
        fixture.given(requested(), started(1), completed())
               .when(new ExpireExport(ID, ACCOUNT))
               .expectEvents(new ExportExpired("e-1", "acme"));
        fixture.given(requested(), started(1), completed(), new ExportExpired("e-1", "acme"))
               .when(new ExpireExport(ID, ACCOUNT))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(requested(), started(1))
               .when(new ExpireExport(ID, ACCOUNT))
               .expectNoEvents().expectException(Rejected.class);
    }
}
