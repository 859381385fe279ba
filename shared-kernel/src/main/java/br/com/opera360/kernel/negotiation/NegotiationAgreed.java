package br.com.opera360.kernel.negotiation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code invoices} records each negotiated invoice as it stood when negotiated. */
@Revision("1")
public record NegotiationAgreed(String negotiationId, String accountId, String reference, LocalDate agreedOn,
                                List<NegotiatedInvoice> invoices, List<AgreedInstallment> installments,
                                BigDecimal totalAmount) {

    public record NegotiatedInvoice(String invoiceId, String number, LocalDate dueDate, BigDecimal totalAmount,
                                    BigDecimal amountDue) {
    }

    public record AgreedInstallment(int number, LocalDate dueDate, BigDecimal amount) {
    }
}
