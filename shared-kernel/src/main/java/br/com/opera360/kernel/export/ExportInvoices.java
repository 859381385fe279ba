package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.FindInvoices;

import java.util.Objects;

/** Streaming query: every invoice the list query matches, in the list's order (its page is ignored). */
public record ExportInvoices(FindInvoices list) implements ExportQuery {
    public ExportInvoices {
        Objects.requireNonNull(list, "list");
    }

    @Override
    public ExportDataset dataset() {
        return ExportDataset.INVOICES;
    }

    @Override
    public AccountId accountId() {
        return list.accountId();
    }
}
