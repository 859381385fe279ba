package br.com.opera360.command.user;

import br.com.opera360.command.common.AuditActor;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import br.com.opera360.kernel.user.ChangePassword;
import br.com.opera360.kernel.user.RequestPasswordReset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * A user changes their password, or asks for a new temporary one ("forgot password"). Hashes are written and other
 * sessions ended only after the unit of work commits; a temporary password is mailed after commit and never enters
 * an event.
 */
@Component
class PasswordChanges {
    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);
    private final UserDirectory directory;
    private final CredentialStore credentials;
    private final Sessions sessions;
    private final PasswordEncoder encoder;
    private final TemporaryPasswords temporaryPasswords;
    // A user without a stored password is checked against this hash, so the refusal takes as long as a wrong password.
    private final String dummyHash;

    PasswordChanges(UserDirectory directory, CredentialStore credentials, Sessions sessions, PasswordEncoder encoder,
                    TemporaryPasswords temporaryPasswords) {
        this.directory = directory;
        this.credentials = credentials;
        this.sessions = sessions;
        this.encoder = encoder;
        this.temporaryPasswords = temporaryPasswords;
        this.dummyHash = encoder.encode(temporaryPasswords.generate());
    }

    @CommandHandler
    void handle(ChangePassword cmd) {
        String userId = cmd.userId().value();
        Aggregate<User> user = directory.of(userId, cmd.accountId().value());
        String hash = credentials.find(userId).map(CredentialStore.StoredPassword::hash).orElse(dummyHash);
        if (!encoder.matches(cmd.currentPassword().value(), hash)) {
            throw Rejected.invalidField("currentPassword", "a senha atual não confere");
        }
        if (cmd.currentPassword().value().equals(cmd.newPassword().value())) {
            throw Rejected.invalidField("newPassword", "a nova senha deve ser diferente da atual");
        }
        String newHash = encoder.encode(cmd.newPassword().value());
        user.execute(User::recordPasswordChanged);
        CurrentUnitOfWork.get().afterCommit(uow -> {
            // in this order: a crash in between leaves the kept session asking for a new password once more, never
            // a temporary password that no session asks to change
            credentials.storePassword(userId, newHash, false);
            sessions.keepOnlyAfterPasswordChange(userId, cmd.sessionId());
            log.info("User {} chose new credentials; their other sessions ended", userId);
        });
    }

    @CommandHandler
    void handle(RequestPasswordReset cmd) {
        Optional<Aggregate<User>> found = directory.owning(cmd.email().value());
        if (found.isEmpty()) {
            log.info("Reset asked for an unknown e-mail: nothing sent");
            return;
        }
        Aggregate<User> user = found.get();
        String userId = user.invoke(User::userId);
        AuditActor.identify(userId);
        String name = user.invoke(User::name);
        String email = user.invoke(User::email);
        // User guide: "a nova senha Temporária será enviada ao Administrador da Conta"
        boolean administrator = user.invoke(User::administrator);
        String recipient = administrator ? email : directory.administratorOf(user).invoke(User::email);
        user.execute(u -> u.issueTemporaryPassword("PASSWORD_RESET", recipient));
        String password = temporaryPasswords.generate();
        // the same values for both texts: the user's name and login, whoever receives them
        var mail = new Mail(recipient, administrator ? MailText.PASSWORD_RESET : MailText.PASSWORD_RESET_FOR_USER,
                Map.of("name", name, "login", email, "password", password));
        temporaryPasswords.deliverAfterCommit(userId, password, mail);
    }
}
