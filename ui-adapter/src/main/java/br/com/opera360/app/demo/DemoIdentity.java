package br.com.opera360.app.demo;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.profile.CreateProfile;
import br.com.opera360.kernel.user.CreateUser;
import br.com.opera360.kernel.user.DeactivateUser;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.util.List;

import static br.com.opera360.kernel.common.Functionality.INVOICES_BOLETO;
import static br.com.opera360.kernel.common.Functionality.INVOICES_EXPORT;
import static br.com.opera360.kernel.common.Functionality.INVOICES_NOTA_FISCAL;
import static br.com.opera360.kernel.common.Functionality.INVOICES_VIEW;
import static br.com.opera360.kernel.common.Functionality.SERVICES_EXPORT;
import static br.com.opera360.kernel.common.Functionality.SERVICES_MAP;
import static br.com.opera360.kernel.common.Functionality.SERVICES_VIEW;

/**
 * The demo account's profiles "Financeiro" (invoice rights) and "Técnico" (service rights) and a few users, one of
 * them inactive. Ids are fixed, and a step already done answers 409, which is taken as done: a restart changes nothing.
 */
@Component
class DemoIdentity {
    static final UserId ADMIN = new UserId("demo-admin");
    static final ProfileId FINANCE = new ProfileId("demo-financeiro");
    static final ProfileId TECHNICAL = new ProfileId("demo-tecnico");

    private final CommandGateway commands;

    DemoIdentity(CommandGateway commands) {
        this.commands = commands;
    }

    void load(AccountId account) {
        profile(new CreateProfile(account, FINANCE, "Financeiro",
                List.of(INVOICES_VIEW, INVOICES_BOLETO, INVOICES_NOTA_FISCAL, INVOICES_EXPORT)));
        profile(new CreateProfile(account, TECHNICAL, "Técnico", List.of(SERVICES_VIEW, SERVICES_MAP, SERVICES_EXPORT)));
        user(account, "demo-fernanda", "Fernanda Lima", "fernanda.lima@demo.opera360.com.br", FINANCE);
        user(account, "demo-joao", "João Pereira", "joao.pereira@demo.opera360.com.br", TECHNICAL);
        user(account, "demo-marcos", "Marcos Antônio", "marcos.antonio@demo.opera360.com.br", TECHNICAL);
        idempotent(() -> commands.sendAndWait(new DeactivateUser(new UserId("demo-marcos"), account, ADMIN)));
    }

    private void profile(CreateProfile command) {
        idempotent(() -> commands.sendAndWait(command));
    }

    private void user(AccountId account, String id, String name, String email, ProfileId profile) {
        idempotent(() -> commands.sendAndWait(new CreateUser(new UserId(id), account, name, new Email(email), null, null,
                profile, ADMIN)));
    }

    private static void idempotent(Runnable step) {
        try {
            step.run();
        } catch (CommandExecutionException e) {
            boolean done = Rejected.of(e).filter(r -> r.kind() == Rejected.Kind.CONFLICT).isPresent();
            if (!done) throw e;
        } catch (AggregateStreamCreationException alreadyCreated) {
            // the fixed id exists: this step was done by an earlier start
        }
    }

}
