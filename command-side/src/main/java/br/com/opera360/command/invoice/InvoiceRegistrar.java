package br.com.opera360.command.invoice;

import br.com.opera360.command.account.AccountDirectory;
import br.com.opera360.command.common.IdempotentCreation;
import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Registers an invoice once ({@link IdempotentCreation}: 200 for an identical re-send, 409 for other data). */
@Component
class InvoiceRegistrar {
    private final Repository<Invoice> invoices;
    private final AccountDirectory accounts;

    InvoiceRegistrar(Repository<Invoice> invoices, AccountDirectory accounts) {
        this.invoices = invoices;
        this.accounts = accounts;
    }

    @CommandHandler
    Ingested handle(RegisterInvoice cmd) throws Exception {
        var creation = IdempotentCreation.of(invoices, cmd.invoiceId().value(), Invoice::unregistered,
                Invoice::isRegistered, i -> i.isSameRegistration(cmd), () -> Rejected.conflict("invoice.conflict", "A fatura "
                        + cmd.number() + " já foi registrada com outros dados. Reenvie exatamente os dados originais ou use outro número."));
        if (creation.isDuplicate()) return Ingested.DUPLICATE;
        if (!accounts.isRegistered(cmd.accountId().value())) {
            throw Rejected.notFound("account.not-found", "Conta " + cmd.accountId() + " não encontrada: cadastre a conta antes das faturas.");
        }
        creation.aggregate().execute(i -> i.register(cmd));
        return Ingested.CREATED;
    }
}
