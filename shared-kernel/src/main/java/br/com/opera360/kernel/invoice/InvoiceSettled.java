package br.com.opera360.kernel.invoice;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Every installment of the invoice's negotiation was paid: the invoice is PAID, amount due 0. */
@Revision("1")
public record InvoiceSettled(String invoiceId, String accountId, String number, String negotiationId,
                             LocalDate paidOn, BigDecimal amountPaid) {
}
