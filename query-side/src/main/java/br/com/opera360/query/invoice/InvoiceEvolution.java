package br.com.opera360.query.invoice;

import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceNegotiated;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.InvoiceSettled;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.kernel.negotiation.InstallmentPaid;
import br.com.opera360.kernel.negotiation.NegotiationAgreed;
import br.com.opera360.kernel.negotiation.NegotiationSettled;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;

/**
 * How an event changes an invoice's or a negotiation's view: pure functions of (view, event, sequence), applied by
 * {@link InvoiceProjection} to the stored view and folded over an aggregate's events by the as-of rebuild
 * ({@code GetInvoiceAsOf}), so both always agree. {@code current} is null before the creation event; an event that
 * does not concern the view leaves it as it is.
 */
final class InvoiceEvolution {
    private InvoiceEvolution() {
    }

    /** One view's state transition for one event. */
    interface Step<V> {
        V apply(V current, Object event, long seq);
    }

    static InvoiceView invoice(InvoiceView current, Object event, long seq) {
        if (event instanceof InvoiceRegistered e) {
            return new InvoiceView(e.invoiceId(), e.accountId(), e.number(), e.issueDate().toString(), e.dueDate().toString(),
                    cents(e.totalAmount()), cents(e.totalAmount()), e.issuer(), e.issuerCnpj(), InvoiceView.UNPAID, null, null,
                    null, e.items().stream().map(i -> new InvoiceView.Line(i.designation(), i.serviceType(), i.description(),
                            cents(i.amount()), iso(i.periodStart()), iso(i.periodEnd()))).toList(), seq);
        }
        if (current == null) return null;
        if (event instanceof PaymentRecorded e) {
            long due = cents(e.amountDue());
            return due == 0
                    ? current.with(due, InvoiceView.PAID, current.negotiationId(), e.paidOn().toString(), current.amountPaidCents(), seq)
                    : current.with(due, current.state(), current.negotiationId(), current.paidOn(), current.amountPaidCents(), seq);
        }
        if (event instanceof InvoiceNegotiated e) {
            return current.with(cents(e.amountDue()), InvoiceView.INSTALLMENT, e.negotiationId(), current.paidOn(),
                    current.amountPaidCents(), seq);
        }
        if (event instanceof InvoiceSettled e) {
            return current.with(0L, InvoiceView.PAID, current.negotiationId(), e.paidOn().toString(), cents(e.amountPaid()), seq);
        }
        return current;
    }

    static NegotiationView negotiation(NegotiationView current, Object event, long seq) {
        if (event instanceof NegotiationAgreed e) {
            return new NegotiationView(e.negotiationId(), e.accountId(), e.reference(), e.agreedOn().toString(),
                    e.invoices().stream().map(i -> new NegotiationView.Invoice(i.invoiceId(), i.number(), i.dueDate().toString(),
                            cents(i.totalAmount()), cents(i.amountDue()))).toList(),
                    e.installments().stream().map(i -> new NegotiationView.Installment(i.number(), i.dueDate().toString(),
                            cents(i.amount()))).toList(), new HashMap<>(), null, seq);
        }
        if (current == null) return null;
        if (event instanceof InstallmentPaid e) {
            var payments = new HashMap<>(current.payments() == null ? java.util.Map.<String, String>of() : current.payments());
            payments.put(String.valueOf(e.installmentNumber()), e.paidOn().toString());
            return new NegotiationView(current.id(), current.accountId(), current.reference(), current.agreedOn(),
                    current.invoices(), current.installments(), payments, current.settledOn(), seq);
        }
        if (event instanceof NegotiationSettled e) {
            return new NegotiationView(current.id(), current.accountId(), current.reference(), current.agreedOn(),
                    current.invoices(), current.installments(), current.payments(), e.paidOn().toString(), seq);
        }
        return current;
    }

    static long cents(BigDecimal amount) {
        return Money.of(amount).cents();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
