package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Billing reports a payment. Its natural key is {@code paymentId} when given, else amount + paidOn: a re-send with
 * the same key is recognised (200, nothing changes).
 */
public record RecordPayment(@TargetAggregateIdentifier InvoiceId invoiceId, AccountId accountId, String paymentId,
                            Money amount, LocalDate paidOn) {
    public RecordPayment {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidOn, "paidOn");
        if (!amount.isPositive()) throw new IllegalArgumentException("amount: deve ser maior que zero");
        if (paymentId != null && (paymentId.isBlank() || paymentId.length() > 100)) {
            throw new IllegalArgumentException("paymentId: deve ter de 1 a 100 caracteres");
        }
    }

    public String naturalKey() {
        return paymentId != null ? "id:" + paymentId : "amount:" + amount + "@" + paidOn;
    }
}
