package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/invoices/{number}}: the invoice with the one status detail its status calls for. */
record InvoiceResponse(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal totalAmount, BigDecimal amountDue,
                       String issuer, String issuerCnpj, InvoiceStatus status, String statusLabel, Integer daysOverdue,
                       Integer daysUntilDue, List<InvoiceDetails.Service> services, Object statusDetail) {

    static InvoiceResponse of(InvoiceDetails d) {
        Object statusDetail = switch (d.status()) {
            case PENDING -> d.pending();
            case OPEN -> d.open();
            case INSTALLMENT -> d.negotiation();
            case PAID -> d.paid();
        };
        return new InvoiceResponse(d.number(), d.issueDate(), d.dueDate(), d.totalAmount(), d.amountDue(), d.issuer(),
                d.issuerCnpj(), d.status(), d.statusLabel(), d.daysOverdue(), d.daysUntilDue(), d.services(), statusDetail);
    }
}
