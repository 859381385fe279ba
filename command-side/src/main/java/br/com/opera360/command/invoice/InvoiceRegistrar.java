package br.com.opera360.command.invoice;

import br.com.opera360.command.account.AccountDirectory;
import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers an invoice once: {@code loadOrCreate} locks the invoice id, so concurrent re-sends of one invoice are
 * serialized and the second sees the first (200 when identical, 409 when not).
 */
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
        var invoice = invoices.loadOrCreate(cmd.invoiceId().value(), Invoice::unregistered);
        if (invoice.invoke(Invoice::isRegistered)) {
            if (invoice.invoke(i -> i.isSameRegistration(cmd))) return Ingested.DUPLICATE;
            throw Rejected.conflict("invoice.conflict", "A fatura " + cmd.number()
                    + " já foi registrada com outros dados. Reenvie exatamente os dados originais ou use outro número.");
        }
        if (!accounts.isRegistered(cmd.accountId().value())) {
            throw Rejected.notFound("account.not-found", "Conta " + cmd.accountId() + " não encontrada: cadastre a conta antes das faturas.");
        }
        invoice.execute(i -> i.register(cmd));
        return Ingested.CREATED;
    }
}
