package br.com.opera360.query.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.export.ExportDataset;

import java.util.List;
import java.util.Map;

/**
 * Turns an export's recorded filters into its streaming query ({@code ExportInvoices} or {@code ExportServices}),
 * by the list's own rules; a 400 {@code Rejected} if they no longer pass them. The web layer, which owns the lists'
 * parameters, implements it, so this process never reaches into a controller.
 */
public interface ExportQueries {
    Object query(ExportDataset dataset, AccountId account, Map<String, List<String>> filters);
}
