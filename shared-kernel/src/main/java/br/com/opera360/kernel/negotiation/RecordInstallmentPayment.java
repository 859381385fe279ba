package br.com.opera360.kernel.negotiation;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

public record RecordInstallmentPayment(@TargetAggregateIdentifier NegotiationId negotiationId, AccountId accountId,
                                       int installmentNumber, Money amount, LocalDate paidOn) {
    public RecordInstallmentPayment {
        Objects.requireNonNull(negotiationId, "negotiationId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidOn, "paidOn");
        if (installmentNumber < 1) throw new IllegalArgumentException("installmentNumber: deve ser maior que zero");
        if (!amount.isPositive()) throw new IllegalArgumentException("amount: deve ser maior que zero");
    }
}
