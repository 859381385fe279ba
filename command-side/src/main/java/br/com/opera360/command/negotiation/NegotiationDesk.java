package br.com.opera360.command.negotiation;

import br.com.opera360.command.common.Aggregates;
import br.com.opera360.command.common.IdempotentCreation;
import br.com.opera360.command.invoice.Invoice;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.negotiation.NegotiateInstallments;
import br.com.opera360.kernel.negotiation.NegotiationAgreed;
import br.com.opera360.kernel.negotiation.RecordInstallmentPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Negotiations touch several invoices, all in ONE unit of work: every invoice is locked (in number order, so two
 * negotiations never deadlock), checked, then marked negotiated together with the negotiation's creation. A refusal
 * anywhere rolls the whole unit back, and the event store's unique (aggregate, sequence) makes a concurrent change
 * of any of these aggregates fail the commit: invoices are never left half negotiated. Settlement works the same way.
 */
@Component
class NegotiationDesk {
    private final Repository<Negotiation> negotiations;
    private final Repository<Invoice> invoices;
    private final Clock clock;

    NegotiationDesk(Repository<Negotiation> negotiations, Repository<Invoice> invoices, Clock clock) {
        this.negotiations = negotiations;
        this.invoices = invoices;
        this.clock = clock;
    }

    @CommandHandler
    Ingested handle(NegotiateInstallments cmd) throws Exception {
        var creation = IdempotentCreation.of(negotiations, cmd.negotiationId().value(), Negotiation::unagreed,
                Negotiation::isAgreed, n -> n.isSameAgreement(cmd), () -> Rejected.conflict("negotiation.conflict", "A negociação "
                        + cmd.reference() + " já foi registrada com outros dados. Reenvie exatamente os dados originais ou use outro negotiationId."));
        if (creation.isDuplicate()) return Ingested.DUPLICATE;
        var negotiation = creation.aggregate();
        LocalDate today = LocalDate.now(clock);
        Map<String, Aggregate<Invoice>> loaded = new TreeMap<>();
        for (String number : cmd.invoiceNumbers().stream().sorted().toList()) {
            loaded.put(number, loadInvoice(cmd.accountId(), number));
        }
        List<NegotiationAgreed.NegotiatedInvoice> snapshot = new ArrayList<>();
        for (String number : cmd.invoiceNumbers()) {
            snapshot.add(loaded.get(number).invoke(i -> i.checkNegotiable(today)));
        }
        negotiation.execute(n -> n.agree(cmd, snapshot));
        for (var invoice : loaded.values()) {
            invoice.execute(i -> i.negotiate(cmd.negotiationId().value(), today));
        }
        return Ingested.CREATED;
    }

    @CommandHandler
    Ingested handle(RecordInstallmentPayment cmd) {
        Aggregate<Negotiation> negotiation = Aggregates.find(negotiations, cmd.negotiationId().value())
                .orElseThrow(() -> notFound(cmd.negotiationId().value()));
        if (!negotiation.invoke(Negotiation::isAgreed)) throw notFound(cmd.negotiationId().value());
        var outcome = negotiation.invoke(n -> n.pay(cmd));
        if (outcome == Negotiation.PaymentOutcome.DUPLICATE) return Ingested.DUPLICATE;
        if (outcome == Negotiation.PaymentOutcome.SETTLED) {
            LocalDate paidOn = negotiation.invoke(Negotiation::settledOn);
            for (String invoiceId : negotiation.invoke(Negotiation::invoiceIds).stream().sorted().toList()) {
                invoices.load(invoiceId).execute(i -> i.settle(cmd.negotiationId().value(), paidOn));
            }
        }
        return Ingested.CREATED;
    }

    private Aggregate<Invoice> loadInvoice(AccountId account, String number) {
        return Aggregates.find(invoices, InvoiceId.of(account, number).value())
                         .filter(invoice -> invoice.invoke(Invoice::isRegistered))
                         .orElseThrow(() -> invoiceNotFound(number));
    }

    private static Rejected invoiceNotFound(String number) {
        return Rejected.notFound("invoice.not-found", "Fatura " + number + " não encontrada nesta conta.");
    }

    private static Rejected notFound(String negotiationId) {
        return Rejected.notFound("negotiation.not-found", "Negociação não encontrada nesta conta.");
    }
}
