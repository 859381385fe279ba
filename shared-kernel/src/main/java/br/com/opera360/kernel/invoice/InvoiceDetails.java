package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.negotiation.NegotiationDetails;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The invoice with its services and what its status means: {@code pending}, {@code open}, {@code negotiation} or
 * {@code paid} is set, the one that matches {@code status}.
 */
public record InvoiceDetails(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal totalAmount,
                             BigDecimal amountDue, String issuer, String issuerCnpj, InvoiceStatus status,
                             String statusLabel, Integer daysOverdue, Integer daysUntilDue, List<Service> services,
                             Pending pending, Open open, NegotiationDetails negotiation, Paid paid) {

    public record Service(String designation, String serviceType, BigDecimal amount) {
    }

    public record Pending(LocalDate dueDate, int daysOverdue, BigDecimal amountDue) {
    }

    public record Open(LocalDate dueDate, int daysUntilDue) {
    }

    public record Paid(LocalDate paidOn, BigDecimal amountPaid) {
    }
}
