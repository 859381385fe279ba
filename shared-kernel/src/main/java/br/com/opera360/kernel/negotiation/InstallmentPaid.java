package br.com.opera360.kernel.negotiation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record InstallmentPaid(String negotiationId, String accountId, String reference, int installmentNumber,
                              BigDecimal amount, LocalDate paidOn) {
}
