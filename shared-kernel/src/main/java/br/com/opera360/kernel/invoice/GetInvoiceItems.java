package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;

/** Every item of one invoice, in the order billing sent them. */
public record GetInvoiceItems(AccountId accountId, InvoiceId invoiceId) {
}
