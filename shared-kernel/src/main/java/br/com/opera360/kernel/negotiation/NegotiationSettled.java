package br.com.opera360.kernel.negotiation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** Every installment is paid; {@code paidOn} is the last installment payment's date. */
@Revision("1")
public record NegotiationSettled(String negotiationId, String accountId, String reference, LocalDate paidOn,
                                 List<String> invoiceIds) {
}
