package br.com.opera360.command.account;

import br.com.opera360.command.common.Aggregates;
import br.com.opera360.command.common.IdempotentCreation;
import br.com.opera360.command.user.EmailClaim;
import br.com.opera360.command.user.TemporaryPasswords;
import br.com.opera360.command.user.User;
import br.com.opera360.kernel.account.AccountRegistration;
import br.com.opera360.kernel.account.RegisterAccount;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Registers a customer account in one unit of work: claims the CNPJ and the Administrator's e-mail, creates the
 * account (with its built-in profile) and the Administrator, and issues the first temporary password. Either all of
 * it is stored or none of it.
 */
@Component
class AccountRegistrar {
    private final Repository<CnpjClaim> cnpjClaims;
    private final Repository<EmailClaim> emailClaims;
    private final Repository<CustomerAccount> accounts;
    private final Repository<User> users;
    private final TemporaryPasswords passwords;

    AccountRegistrar(Repository<CnpjClaim> cnpjClaims, Repository<EmailClaim> emailClaims,
                     Repository<CustomerAccount> accounts, Repository<User> users, TemporaryPasswords passwords) {
        this.cnpjClaims = cnpjClaims;
        this.emailClaims = emailClaims;
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
    }

    @CommandHandler
    AccountRegistration handle(RegisterAccount cmd) throws Exception {
        var claim = IdempotentCreation.of(cnpjClaims, cmd.cnpj().value(), CnpjClaim::unclaimed, CnpjClaim::isClaimed,
                c -> c.isSameRegistration(cmd), () -> Rejected.conflict("cnpj.taken",
                        "CNPJ já cadastrado com outros dados. Reenvie exatamente o cadastro original ou corrija o CNPJ."));
        if (claim.isDuplicate()) return new AccountRegistration(claim.aggregate().invoke(CnpjClaim::accountId), false);
        claim.aggregate().execute(c -> c.claimFor(cmd));
        if (Aggregates.find(accounts, cmd.accountId().value()).isPresent()) {
            throw Rejected.conflict("account.taken", "Já existe uma conta com este accountId e outro CNPJ.");
        }
        String email = cmd.administratorEmail().value();
        emailClaims.loadOrCreate(email, EmailClaim::unclaimed)
                   .execute(c -> c.claimFor(email, cmd.administratorId().value(), cmd.accountId().value()));
        accounts.newInstance(() -> new CustomerAccount(cmd));
        var admin = users.newInstance(() -> new User(cmd.administratorId().value(), cmd.accountId().value(),
                cmd.administratorName(), email, null, null, cmd.administratorProfileId().value(), true));
        admin.execute(u -> u.issueTemporaryPassword("ACCOUNT_REGISTERED"));

        String password = passwords.generate();
        passwords.deliverAfterCommit(cmd.administratorId().value(), password, new Mail(email, MailText.ACCOUNT_REGISTERED,
                Map.of("name", cmd.administratorName(), "company", cmd.companyName(), "cnpj", cmd.cnpj().value(),
                       "login", email, "password", password)));
        return new AccountRegistration(cmd.accountId().value(), true);
    }
}
