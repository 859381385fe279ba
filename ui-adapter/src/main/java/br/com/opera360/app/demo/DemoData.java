package br.com.opera360.app.demo;

import br.com.opera360.Opera360Properties;
import br.com.opera360.kernel.account.AccountRegistration;
import br.com.opera360.kernel.account.RegisterAccount;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code opera360.demo-data=true} (the embedded default) the data dir gets a demo customer account through the
 * same commands ingestion sends. Registration is idempotent, so a restart on a filled data dir changes nothing.
 */
@Component
@ConditionalOnProperty(name = "opera360.demo-data", havingValue = "true")
class DemoData {
    static final String ACCOUNT_ID = "demo";
    static final String CNPJ = "11222333000181";
    static final String ADMIN_EMAIL = "admin@demo.opera360.com.br";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CommandGateway commands;
    private final Opera360Properties props;
    private final DemoIdentity identity;
    private final DemoInvoices invoices;
    private final DemoServices services;

    DemoData(CommandGateway commands, Opera360Properties props, DemoIdentity identity, DemoInvoices invoices,
             DemoServices services) {
        this.commands = commands;
        this.props = props;
        this.identity = identity;
        this.invoices = invoices;
        this.services = services;
    }

    /** Demo data is a convenience: if it cannot be loaded, the product still runs and says why. */
    @EventListener(ApplicationReadyEvent.class)
    void loadSafely() {
        try {
            load();
        } catch (RuntimeException e) {
            log.error("Demo data could not be loaded; the product runs without it", e);
        }
    }

    void load() {
        AccountRegistration registration = commands.sendAndWait(new RegisterAccount(new Cnpj(CNPJ), new AccountId(ACCOUNT_ID), true,
                "Demo Conectividade Ltda", "Administradora Demo", new Email(ADMIN_EMAIL), DemoIdentity.ADMIN,
                new ProfileId("demo-administrador")));
        identity.load(new AccountId(ACCOUNT_ID));
        String outbox = props.outboxDir().toAbsolutePath().normalize().toString();
        if (registration.created()) {
            log.info("Demo data loaded: customer account '{}' (CNPJ {}).", ACCOUNT_ID, CNPJ);
        }
        invoices.load(new AccountId(ACCOUNT_ID));
        services.load(new AccountId(ACCOUNT_ID));
        log.info("Demo Administrator: {} — every e-mail of the first access lands in the outbox {}",
                ADMIN_EMAIL, outbox);
    }
}
