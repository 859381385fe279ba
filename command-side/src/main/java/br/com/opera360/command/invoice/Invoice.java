package br.com.opera360.command.invoice;

import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.AttachNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceNegotiated;
import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.InvoiceSettled;
import br.com.opera360.kernel.invoice.NotaFiscalAttached;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.kernel.invoice.RecordPayment;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import br.com.opera360.kernel.negotiation.NegotiationAgreed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invoice decides on payments, negotiation and its Nota Fiscal. It keeps its registration and the keys of its
 * payments only to recognise an identical re-send (idempotent ingestion) and refuse a conflicting one.
 */
// a snapshot every 100 events (AxonConfiguration); bump the revision when the fields change: older snapshots are then ignored
@Aggregate(snapshotTriggerDefinition = "snapshotEvery100Events")
@Revision("1")
public class Invoice {
    @AggregateIdentifier
    private String invoiceId;
    private String accountId;
    private String number;
    private InvoiceRegistered registration;
    private LocalDate dueDate;
    private Money amountDue;
    private String negotiationId;
    private boolean paid;
    private final Map<String, PaymentRecorded> payments = new HashMap<>();
    private NotaFiscalAttached notaFiscal;

    protected Invoice() {
    }

    static Invoice unregistered() {
        return new Invoice();
    }

    public boolean isRegistered() {
        return registration != null;
    }

    boolean isSameRegistration(RegisterInvoice cmd) {
        return InvoicePolicies.sameRegistration(registration, registered(cmd));
    }

    void register(RegisterInvoice cmd) {
        apply(registered(cmd));
    }

    private static InvoiceRegistered registered(RegisterInvoice cmd) {
        return new InvoiceRegistered(cmd.invoiceId().value(), cmd.accountId().value(), cmd.number(), cmd.issueDate(),
                cmd.dueDate(), cmd.issuer(), cmd.issuerCnpj() == null ? null : cmd.issuerCnpj().value(),
                cmd.items().stream().map(i -> new InvoiceRegistered.Item(i.designation(), i.serviceType(),
                        i.description(), i.amount().value(), i.periodStart(), i.periodEnd())).toList(),
                cmd.totalAmount().value());
    }

    @CommandHandler
    Ingested handle(RecordPayment cmd) {
        String key = cmd.naturalKey();
        PaymentRecorded earlier = payments.get(key);
        if (earlier != null) {
            if (Money.of(earlier.amount()).equals(cmd.amount()) && earlier.paidOn().equals(cmd.paidOn())) {
                return Ingested.DUPLICATE;
            }
            throw Rejected.conflict("payment.conflict",
                    "Já existe um pagamento " + cmd.paymentId() + " com outro valor ou data nesta fatura. Reenvie o pagamento original ou use outro paymentId.");
        }
        if (negotiationId != null) {
            throw Rejected.conflict("invoice.negotiated",
                    "A fatura " + number + " está parcelada: registre o pagamento das parcelas da negociação.");
        }
        if (paid) throw Rejected.conflict("invoice.paid", "A fatura " + number + " já está paga.");
        if (cmd.amount().isGreaterThan(amountDue)) {
            throw Rejected.conflict("payment.exceeds-due",
                    "O valor pago (" + cmd.amount() + ") é maior que o valor em aberto da fatura " + number + " (" + amountDue + ").");
        }
        apply(new PaymentRecorded(invoiceId, accountId, number, key, cmd.paymentId(), cmd.amount().value(),
                cmd.paidOn(), amountDue.minus(cmd.amount()).value()));
        return Ingested.CREATED;
    }

    @CommandHandler
    Ingested handle(AttachNotaFiscal cmd) {
        var attached = new NotaFiscalAttached(invoiceId, accountId, number, cmd.number(), cmd.series(),
                cmd.accessKey().value(), cmd.issuedOn(), cmd.xml());
        if (notaFiscal != null) {
            if (notaFiscal.equals(attached)) return Ingested.DUPLICATE;
            throw Rejected.conflict("nota-fiscal.conflict",
                    "A fatura " + number + " já tem outra Nota Fiscal. Reenvie exatamente a Nota Fiscal original.");
        }
        apply(attached);
        return Ingested.CREATED;
    }

    /** The invoice as it enters a negotiation; refuses unless it is PENDING (unpaid, past due) and not negotiated. */
    public NegotiationAgreed.NegotiatedInvoice checkNegotiable(LocalDate today) {
        if (negotiationId != null) {
            throw Rejected.conflict("invoice.already-negotiated", "A fatura " + number + " já faz parte de outra negociação.");
        }
        if (paid) throw Rejected.conflict("invoice.paid", "A fatura " + number + " já está paga e não pode ser negociada.");
        if (!InvoicePolicies.isOverdue(dueDate, today)) {
            throw Rejected.conflict("invoice.not-overdue",
                    "A fatura " + number + " ainda não está vencida (vencimento " + dueDate + "): só faturas pendentes podem ser negociadas.");
        }
        return new NegotiationAgreed.NegotiatedInvoice(invoiceId, number, dueDate, registration.totalAmount(), amountDue.value());
    }

    public void negotiate(String negotiationId, LocalDate today) {
        checkNegotiable(today);
        apply(new InvoiceNegotiated(invoiceId, accountId, number, negotiationId, amountDue.value()));
    }

    public void settle(String negotiationId, LocalDate paidOn) {
        if (!negotiationId.equals(this.negotiationId) || paid) return;
        apply(new InvoiceSettled(invoiceId, accountId, number, negotiationId, paidOn, amountDue.value()));
    }

    @EventSourcingHandler
    void on(InvoiceRegistered e) {
        invoiceId = e.invoiceId();
        accountId = e.accountId();
        number = e.number();
        registration = e;
        dueDate = e.dueDate();
        amountDue = Money.of(e.totalAmount());
    }

    @EventSourcingHandler
    void on(PaymentRecorded e) {
        payments.put(e.paymentKey(), e);
        amountDue = Money.of(e.amountDue());
        paid = amountDue.isZero();
    }

    @EventSourcingHandler
    void on(InvoiceNegotiated e) {
        negotiationId = e.negotiationId();
        amountDue = Money.of(e.amountDue());
    }

    @EventSourcingHandler
    void on(InvoiceSettled e) {
        paid = true;
        amountDue = Money.ZERO;
    }

    @EventSourcingHandler
    void on(NotaFiscalAttached e) {
        notaFiscal = e;
    }
}
