package br.com.opera360.kernel.invoice;

/** How many invoices the list query matches (its order and page are ignored). */
public record CountInvoices(FindInvoices list) {
}
