package br.com.opera360.command.negotiation;

import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.negotiation.InstallmentPaid;
import br.com.opera360.kernel.negotiation.NegotiateInstallments;
import br.com.opera360.kernel.negotiation.NegotiationAgreed;
import br.com.opera360.kernel.negotiation.NegotiationSettled;
import br.com.opera360.kernel.negotiation.RecordInstallmentPayment;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A renegotiation of overdue invoices into installments; settled when every installment is paid. */
@Aggregate
public class Negotiation {
    enum PaymentOutcome { DUPLICATE, RECORDED, SETTLED }

    @AggregateIdentifier
    private String negotiationId;
    private String accountId;
    private String reference;
    private NegotiationAgreed agreement;
    private final Map<Integer, Money> amounts = new HashMap<>();
    private final Map<Integer, InstallmentPaid> payments = new HashMap<>();
    private final List<String> invoiceIds = new ArrayList<>();

    protected Negotiation() {
    }

    static Negotiation unagreed() {
        return new Negotiation();
    }

    boolean isAgreed() {
        return agreement != null;
    }

    /** An identical re-send: same invoices (in any order), agreement date and installments. */
    boolean isSameAgreement(NegotiateInstallments cmd) {
        var sentNumbers = cmd.invoiceNumbers().stream().sorted().toList();
        var agreedNumbers = agreement.invoices().stream().map(NegotiationAgreed.NegotiatedInvoice::number).sorted().toList();
        if (!sentNumbers.equals(agreedNumbers) || !agreement.agreedOn().equals(cmd.agreedOn())) return false;
        if (agreement.installments().size() != cmd.installments().size()) return false;
        for (int i = 0; i < cmd.installments().size(); i++) {
            var sent = cmd.installments().get(i);
            var agreed = agreement.installments().get(i);
            if (sent.number() != agreed.number() || !sent.dueDate().equals(agreed.dueDate())
                    || !sent.amount().equals(Money.of(agreed.amount()))) return false;
        }
        return true;
    }

    void agree(NegotiateInstallments cmd, List<NegotiationAgreed.NegotiatedInvoice> invoices) {
        apply(new NegotiationAgreed(cmd.negotiationId().value(), cmd.accountId().value(), cmd.reference(), cmd.agreedOn(),
                List.copyOf(invoices),
                cmd.installments().stream().map(i -> new NegotiationAgreed.AgreedInstallment(i.number(), i.dueDate(), i.amount().value())).toList(),
                cmd.totalAmount().value()));
    }

    /** Pays one installment with its exact amount, once; the last one settles the negotiation. */
    PaymentOutcome pay(RecordInstallmentPayment cmd) {
        Money amount = amounts.get(cmd.installmentNumber());
        if (amount == null) {
            throw Rejected.notFound("installment.not-found", "A negociação " + reference + " não tem a parcela "
                    + cmd.installmentNumber() + " (parcelas de 1 a " + amounts.size() + ").");
        }
        InstallmentPaid earlier = payments.get(cmd.installmentNumber());
        if (earlier != null) {
            if (Money.of(earlier.amount()).equals(cmd.amount()) && earlier.paidOn().equals(cmd.paidOn())) {
                return PaymentOutcome.DUPLICATE;
            }
            throw Rejected.conflict("installment.already-paid", "A parcela " + cmd.installmentNumber()
                    + " da negociação " + reference + " já foi paga em " + earlier.paidOn() + ".");
        }
        if (!amount.equals(cmd.amount())) {
            throw Rejected.conflict("installment.amount-mismatch", "O valor pago (" + cmd.amount() + ") difere do valor da parcela "
                    + cmd.installmentNumber() + " (" + amount + "): cada parcela é paga pelo valor exato.");
        }
        apply(new InstallmentPaid(negotiationId, accountId, reference, cmd.installmentNumber(), cmd.amount().value(), cmd.paidOn()));
        if (payments.size() < amounts.size()) return PaymentOutcome.RECORDED;
        LocalDate lastPaidOn = payments.values().stream().map(InstallmentPaid::paidOn).max(LocalDate::compareTo).orElseThrow();
        apply(new NegotiationSettled(negotiationId, accountId, reference, lastPaidOn, List.copyOf(invoiceIds)));
        return PaymentOutcome.SETTLED;
    }

    List<String> invoiceIds() {
        return List.copyOf(invoiceIds);
    }

    LocalDate settledOn() {
        return payments.values().stream().map(InstallmentPaid::paidOn).max(LocalDate::compareTo).orElse(null);
    }

    @EventSourcingHandler
    void on(NegotiationAgreed e) {
        negotiationId = e.negotiationId();
        accountId = e.accountId();
        reference = e.reference();
        agreement = e;
        e.installments().forEach(i -> amounts.put(i.number(), Money.of(i.amount())));
        e.invoices().forEach(i -> invoiceIds.add(i.invoiceId()));
    }

    @EventSourcingHandler
    void on(InstallmentPaid e) {
        payments.put(e.installmentNumber(), e);
    }
}
