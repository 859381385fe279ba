package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;

public record GetBoleto(AccountId accountId, InvoiceId invoiceId) {
}
