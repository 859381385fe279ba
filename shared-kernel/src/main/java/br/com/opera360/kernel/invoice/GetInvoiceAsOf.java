package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;

import java.time.Instant;
import java.util.Objects;

/** The invoice as it stood at {@code asOf}, rebuilt from its events; none before it existed or of another account. */
public record GetInvoiceAsOf(AccountId accountId, InvoiceId invoiceId, Instant asOf) {
    public GetInvoiceAsOf {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(asOf, "asOf");
    }
}
