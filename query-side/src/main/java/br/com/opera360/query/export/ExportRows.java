package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.export.ExportQuery;
import br.com.opera360.kernel.export.ExportServices;
import br.com.opera360.kernel.invoice.CountInvoices;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.service.CountServices;
import br.com.opera360.kernel.service.ServiceSummary;
import org.axonframework.queryhandling.QueryGateway;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;

/** An export's rows: how many the query matches, and all of them streamed into a sheet. */
final class ExportRows {
    /** Rows asked from the query at a time. */
    static final int BATCH = 1000;
    private final QueryGateway queries;

    ExportRows(QueryGateway queries) {
        this.queries = queries;
    }

    /** Where the progress goes while rows are written. */
    interface Progress {
        void report(int percent, long written);
    }

    long count(ExportQuery query) {
        Object count = query instanceof ExportInvoices q ? new CountInvoices(q.list())
                : new CountServices(query.accountId(), ((ExportServices) query).filter());
        return queries.query(count, Long.class).join();
    }

    /**
     * Streams the rows into the sheet; progress is reported as {@link ProgressThrottle} decides, and 100 comes with the
     * completion.
     */
    long write(ExportQuery query, ExportFormat format, long total, OutputStream out, Progress progress) throws IOException {
        ExportDataset dataset = query.dataset();
        Flux<?> rows = query instanceof ExportInvoices q
                ? Flux.from(queries.streamingQuery(q, InvoiceListItem.class))
                : Flux.from(queries.streamingQuery((ExportServices) query, ServiceSummary.class));
        long written = 0;
        var throttle = new ProgressThrottle(total, System::nanoTime);
        // closing the stream cancels the query if writing stops early
        try (var sheet = SheetWriter.of(format, ExportSheets.sheetName(dataset), ExportSheets.columns(dataset), out);
             Stream<?> stream = rows.toStream(BATCH)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                Object row = iterator.next();
                if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("interrupted");
                ExportSheets.write(sheet, row);
                written++;
                var percent = throttle.after(written);
                if (percent.isPresent()) progress.report(percent.getAsInt(), written);
            }
            sheet.finish();
        }
        return written;
    }
}
