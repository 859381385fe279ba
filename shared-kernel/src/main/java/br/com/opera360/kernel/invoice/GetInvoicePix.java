package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;

public record GetInvoicePix(AccountId accountId, InvoiceId invoiceId) {
}
