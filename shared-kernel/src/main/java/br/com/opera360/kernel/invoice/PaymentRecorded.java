package br.com.opera360.kernel.invoice;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code amountDue} is what is left after this payment; 0 means the invoice is paid. */
@Revision("1")
public record PaymentRecorded(String invoiceId, String accountId, String number, String paymentKey, String paymentId,
                              BigDecimal amount, LocalDate paidOn, BigDecimal amountDue) {
}
