package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/** The account's invoices, filtered, sorted and paged. Null filters are not applied; an empty status set means any. */
public record FindInvoices(AccountId accountId, Integer year, Integer month, Set<InvoiceStatus> statuses,
                           LocalDate dueDate, LocalDate dueFrom, LocalDate dueTo,
                           InvoiceSortField sortBy, boolean ascending, PageRequest page) {
    public FindInvoices {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(page, "page");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (month != null && year == null) throw new IllegalArgumentException("month: informe também year");
        if (month != null && (month < 1 || month > 12)) throw new IllegalArgumentException("month: deve estar entre 1 e 12");
        if (year != null && (year < 1900 || year > 9999)) throw new IllegalArgumentException("year: ano inválido");
    }
}
