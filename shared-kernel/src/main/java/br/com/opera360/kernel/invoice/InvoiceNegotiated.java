package br.com.opera360.kernel.invoice;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/** The invoice became part of a negotiation (status INSTALLMENT); {@code amountDue} is what it owed then. */
@Revision("1")
public record InvoiceNegotiated(String invoiceId, String accountId, String number, String negotiationId,
                                BigDecimal amountDue) {
}
