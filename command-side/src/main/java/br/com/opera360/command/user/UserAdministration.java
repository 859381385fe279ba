package br.com.opera360.command.user;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import br.com.opera360.kernel.user.CreateUser;
import br.com.opera360.kernel.user.UpdateUser;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Creating and editing users spans aggregates: the account owns the profiles a user may get, the e-mail claim keeps
 * e-mails unique across accounts, the user records the change. One unit of work: all of it or none.
 */
@Component
class UserAdministration {
    private final Repository<User> users;
    private final Repository<EmailClaim> emailClaims;
    private final AccountFacts accounts;
    private final TemporaryPasswords passwords;

    UserAdministration(Repository<User> users, Repository<EmailClaim> emailClaims, AccountFacts accounts,
                       TemporaryPasswords passwords) {
        this.users = users;
        this.emailClaims = emailClaims;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @CommandHandler
    Written handle(CreateUser cmd) throws Exception {
        String accountId = cmd.accountId().value();
        requireProfileOfAccount(accountId, cmd.profileId().value());
        String userId = cmd.userId().value();
        String email = cmd.email().value();
        emailClaims.loadOrCreate(email, EmailClaim::unclaimed).execute(c -> c.claimFor(email, userId, accountId));
        Aggregate<User> user = users.newInstance(() -> new User(userId, accountId, cmd.name(), email, cmd.phone(),
                cmd.cpf() == null ? null : cmd.cpf().value(), cmd.profileId().value(), false));
        user.execute(u -> u.issueTemporaryPassword("USER_CREATED"));

        String password = passwords.generate();
        passwords.deliverAfterCommit(userId, password, new Mail(email, MailText.USER_CREATED,
                Map.of("name", cmd.name(), "login", email, "password", password)));
        return new Written(userId, user.version());
    }

    @CommandHandler
    Written handle(UpdateUser cmd) {
        Aggregate<User> user = loadOf(cmd.userId().value(), cmd.accountId().value());
        requireProfileOfAccount(cmd.accountId().value(), cmd.profileId().value());
        user.execute(u -> u.update(cmd));
        return new Written(cmd.userId().value(), user.version());
    }

    private void requireProfileOfAccount(String accountId, String profileId) {
        if (!accounts.hasProfile(accountId, profileId)) throw Rejected.invalidField("profileId", "perfil não encontrado nesta conta");
    }

    private Aggregate<User> loadOf(String userId, String accountId) {
        return User.loadOf(users, userId, accountId);
    }
}
