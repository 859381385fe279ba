package br.com.opera360.kernel.negotiation;

import br.com.opera360.kernel.common.Money;

import java.time.LocalDate;
import java.util.Objects;

public record Installment(int number, LocalDate dueDate, Money amount) {
    public Installment {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) throw new IllegalArgumentException("amount: deve ser maior que zero");
    }
}
