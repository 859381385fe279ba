package br.com.opera360.kernel.negotiation;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Billing renegotiates overdue invoices into installments. Shape rules are checked here (before any state):
 * installments numbered 1..n, due dates strictly increasing, amounts positive, agreedOn not after the first due date.
 */
public record NegotiateInstallments(@TargetAggregateIdentifier NegotiationId negotiationId, AccountId accountId,
                                    String reference, List<String> invoiceNumbers, LocalDate agreedOn,
                                    List<Installment> installments) {
    public NegotiateInstallments {
        Objects.requireNonNull(negotiationId, "negotiationId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(agreedOn, "agreedOn");
        if (invoiceNumbers == null || invoiceNumbers.isEmpty()) {
            throw new IllegalArgumentException("invoiceNumbers: informe ao menos uma fatura");
        }
        if (new HashSet<>(invoiceNumbers).size() != invoiceNumbers.size()) {
            throw new IllegalArgumentException("invoiceNumbers: uma fatura aparece mais de uma vez");
        }
        invoiceNumbers = List.copyOf(invoiceNumbers);
        if (installments == null || installments.isEmpty()) {
            throw new IllegalArgumentException("installments: informe ao menos uma parcela");
        }
        installments = List.copyOf(installments);
        for (int i = 0; i < installments.size(); i++) {
            if (installments.get(i).number() != i + 1) {
                throw new IllegalArgumentException("installments: as parcelas devem ser numeradas de 1 a " + installments.size() + ", em ordem");
            }
            if (i > 0 && !installments.get(i).dueDate().isAfter(installments.get(i - 1).dueDate())) {
                throw new IllegalArgumentException("installments: os vencimentos devem ser estritamente crescentes");
            }
        }
        if (agreedOn.isAfter(installments.get(0).dueDate())) {
            throw new IllegalArgumentException("agreedOn: deve ser igual ou anterior ao vencimento da primeira parcela");
        }
    }

    public Money totalAmount() {
        return installments.stream().map(Installment::amount).reduce(Money.ZERO, Money::plus);
    }
}
