package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;

/** {@code amount} is the sum of totalAmount, {@code amountDue} the sum of amountDue, of the account's invoices in that status. */
public record InvoiceStatusTotal(InvoiceStatus status, long count, BigDecimal amount, BigDecimal amountDue) {
}
