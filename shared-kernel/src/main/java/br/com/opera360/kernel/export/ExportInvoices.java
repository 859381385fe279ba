package br.com.opera360.kernel.export;

import br.com.opera360.kernel.invoice.FindInvoices;

/** Streaming query: every invoice the list query matches, in the list's order (its page is ignored). */
public record ExportInvoices(FindInvoices list) {
}
