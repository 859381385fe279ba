package br.com.opera360.kernel.invoice;

import java.time.LocalDate;

/**
 * What a person sees. OPEN and PENDING are never stored: an unpaid invoice is OPEN up to and including its due date
 * and PENDING from the next day (São Paulo), so both follow from the calendar at read time.
 */
public enum InvoiceStatus {
    OPEN("A vencer"), PENDING("Pendente"), INSTALLMENT("Parcelada"), PAID("Paga");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static InvoiceStatus unpaid(LocalDate dueDate, LocalDate today) {
        return dueDate.isBefore(today) ? PENDING : OPEN;
    }
}
