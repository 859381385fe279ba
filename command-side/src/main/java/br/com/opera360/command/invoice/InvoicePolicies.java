package br.com.opera360.command.invoice;

import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceRegistered;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

final class InvoicePolicies {
    private InvoicePolicies() {
    }

    /** Overdue (PENDING) from the day after the due date; the due date itself is still OPEN. */
    static boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return dueDate.isBefore(today);
    }

    /** Same invoice as sent before; amounts compare by value (10.5 = 10.50), everything else exactly. */
    static boolean sameRegistration(InvoiceRegistered a, InvoiceRegistered b) {
        return a.invoiceId().equals(b.invoiceId()) && a.accountId().equals(b.accountId()) && a.number().equals(b.number())
                && a.issueDate().equals(b.issueDate()) && a.dueDate().equals(b.dueDate()) && a.issuer().equals(b.issuer())
                && Objects.equals(a.issuerCnpj(), b.issuerCnpj()) && sameItems(a.items(), b.items());
    }

    private static boolean sameItems(List<InvoiceRegistered.Item> a, List<InvoiceRegistered.Item> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i);
            var y = b.get(i);
            boolean same = x.designation().equals(y.designation()) && x.serviceType().equals(y.serviceType())
                    && x.description().equals(y.description()) && sameAmount(x.amount(), y.amount())
                    && Objects.equals(x.periodStart(), y.periodStart()) && Objects.equals(x.periodEnd(), y.periodEnd());
            if (!same) return false;
        }
        return true;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return Money.of(a).equals(Money.of(b));
    }
}
