package br.com.opera360.kernel.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A negotiation as the contract shows it (also the INSTALLMENT invoice's statusDetail). */
public record NegotiationDetails(String negotiationId, LocalDate agreedOn, int installmentCount,
                                 List<NegotiatedInvoice> negotiatedInvoices, List<InstallmentDetails> installments) {

    public record NegotiatedInvoice(String number, LocalDate dueDate, BigDecimal totalAmount, BigDecimal amountDue) {
    }

    public record InstallmentDetails(int number, LocalDate dueDate, BigDecimal amount, InstallmentStatus status,
                                     LocalDate paidOn) {
    }
}
