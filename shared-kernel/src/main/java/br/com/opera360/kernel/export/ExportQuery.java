package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;

/**
 * An export's query, parsed once by the edge with the list's own parser when the export is requested and stored with
 * the request: {@link ExportInvoices} or {@link ExportServices}. It holds only what the user asked for (no "today"):
 * what depends on the date (OPEN/PENDING) is decided by the query handler when the file is produced, as the list does.
 */
public sealed interface ExportQuery permits ExportInvoices, ExportServices {
    ExportDataset dataset();

    AccountId accountId();
}
