package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Billing registers an invoice. Total = sum of the items (discounts are negative), and must be positive. */
public record RegisterInvoice(@TargetAggregateIdentifier InvoiceId invoiceId, AccountId accountId, String number,
                              LocalDate issueDate, LocalDate dueDate, String issuer, Cnpj issuerCnpj,
                              List<InvoiceItem> items) {
    public RegisterInvoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(issuer, "issuer");
        if (items == null || items.isEmpty()) throw new IllegalArgumentException("items: deve ter ao menos um item");
        items = List.copyOf(items);
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("dueDate: deve ser igual ou posterior a issueDate");
        }
        if (!total(items).isPositive()) throw new IllegalArgumentException("items: o total da fatura deve ser maior que zero");
    }

    public Money totalAmount() {
        return total(items);
    }

    static Money total(List<InvoiceItem> items) {
        return items.stream().map(InvoiceItem::amount).reduce(Money.ZERO, Money::plus);
    }
}
