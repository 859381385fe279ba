package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the invoice list. {@code daysOverdue} only for PENDING, {@code daysUntilDue} only for OPEN. */
public record InvoiceListItem(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal totalAmount,
                              BigDecimal amountDue, String issuer, InvoiceStatus status, String statusLabel,
                              Integer daysOverdue, Integer daysUntilDue) {
}
