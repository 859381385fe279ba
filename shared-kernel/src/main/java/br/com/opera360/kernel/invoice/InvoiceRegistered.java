package br.com.opera360.kernel.invoice;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record InvoiceRegistered(String invoiceId, String accountId, String number, LocalDate issueDate,
                                LocalDate dueDate, String issuer, String issuerCnpj, List<Item> items,
                                BigDecimal totalAmount) {

    public record Item(String designation, String serviceType, String description, BigDecimal amount,
                       LocalDate periodStart, LocalDate periodEnd) {
    }
}
