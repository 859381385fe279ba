package br.com.opera360.kernel.invoice;

import java.util.List;

/** A page of the invoice list, in the contract's paginated shape. */
public record InvoicePage(List<InvoiceListItem> items, int page, int size, long totalItems, int totalPages) {
}
