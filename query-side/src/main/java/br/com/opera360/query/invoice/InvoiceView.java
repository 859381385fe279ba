package br.com.opera360.query.invoice;

import br.com.opera360.kernel.invoice.InvoiceStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * One invoice. Dates are ISO strings (they sort and range-compare as dates, free of time zones); money is long cents.
 * {@code state} is UNPAID, INSTALLMENT or PAID: OPEN and PENDING are never stored, they follow from dueDate and today.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('invoice', 'invoices')}")
record InvoiceView(@Id String id, String accountId, String number, String issueDate, String dueDate, long totalCents,
                   long amountDueCents, String issuer, String issuerCnpj, String state, String negotiationId,
                   String paidOn, Long amountPaidCents, List<Line> items, long version) {
    static final String COLLECTION = "invoices";
    static final String UNPAID = "UNPAID";
    static final String INSTALLMENT = "INSTALLMENT";
    static final String PAID = "PAID";

    record Line(String designation, String serviceType, String description, long amountCents, String periodStart,
                String periodEnd) {
    }

    /** The same invoice with the fields that change after registration replaced. */
    InvoiceView with(long amountDueCents, String state, String negotiationId, String paidOn, Long amountPaidCents, long version) {
        return new InvoiceView(id, accountId, number, issueDate, dueDate, totalCents, amountDueCents, issuer, issuerCnpj, state,
                negotiationId, paidOn, amountPaidCents, items, version);
    }

    InvoiceStatus status(LocalDate today) {
        return status(state, LocalDate.parse(dueDate), today);
    }

    static InvoiceStatus status(String state, LocalDate dueDate, LocalDate today) {
        return switch (state) {
            case PAID -> InvoiceStatus.PAID;
            case INSTALLMENT -> InvoiceStatus.INSTALLMENT;
            default -> InvoiceStatus.unpaid(dueDate, today);
        };
    }

    /** The sum of the payments: the whole total when paid by payments, the amount negotiated when settled by installments. */
    long amountPaid() {
        return amountPaidCents != null ? amountPaidCents : totalCents - amountDueCents;
    }
}
