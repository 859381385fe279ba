package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.Money;

import java.time.LocalDate;
import java.util.Objects;

/** One line of an invoice: a charge (or a discount, negative) for a contracted service. */
public record InvoiceItem(String designation, String serviceType, String description, Money amount,
                          LocalDate periodStart, LocalDate periodEnd) {
    public InvoiceItem {
        Objects.requireNonNull(designation, "designation");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("periodEnd: deve ser igual ou posterior a periodStart");
        }
    }
}
