package br.com.opera360.kernel.negotiation;

import java.time.LocalDate;

/** OVERDUE follows from the calendar: unpaid and due before today. Labels are the pt-BR ones of the spreadsheets. */
public enum InstallmentStatus {
    PAID("Paga"), OPEN("Em aberto"), OVERDUE("Vencida");

    private final String label;

    InstallmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static InstallmentStatus of(LocalDate dueDate, LocalDate paidOn, LocalDate today) {
        if (paidOn != null) return PAID;
        return dueDate.isBefore(today) ? OVERDUE : OPEN;
    }
}
