package br.com.opera360.command.user;

import br.com.opera360.command.common.Aggregates;
import org.axonframework.modelling.command.Repository;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.user.DeactivateUser;
import br.com.opera360.kernel.user.LoginFailed;
import br.com.opera360.kernel.user.LoginSucceeded;
import br.com.opera360.kernel.user.LoginTokenSent;
import br.com.opera360.kernel.user.PasswordChanged;
import br.com.opera360.kernel.user.ReactivateUser;
import br.com.opera360.kernel.user.TemporaryPasswordIssued;
import br.com.opera360.kernel.user.UpdateUser;
import br.com.opera360.kernel.user.UserChanged;
import br.com.opera360.kernel.user.UserCreated;
import br.com.opera360.kernel.user.UserDeactivated;
import br.com.opera360.kernel.user.UserLoggedOut;
import br.com.opera360.kernel.user.UserReactivated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person who uses the portal on behalf of one customer account. Secrets live in the {@link CredentialStore}. */
// a snapshot every 100 events (AxonConfiguration); bump the revision when the fields change: older snapshots are then ignored
@Aggregate(snapshotTriggerDefinition = "snapshotEvery100Events")
@Revision("1")
public class User {
    @AggregateIdentifier
    private String userId;
    private String accountId;
    private String name;
    private String email;
    private boolean administrator;
    private boolean active;
    private boolean everLoggedIn;

    protected User() {
    }

    public User(String userId, String accountId, String name, String email, String phone, String cpf, String profileId,
                boolean administrator) {
        apply(new UserCreated(userId, accountId, name, email, phone, cpf, profileId, administrator));
    }

    @CommandHandler
    Written handle(DeactivateUser cmd) {
        requireOf(cmd.accountId().value());
        if (administrator) {
            throw Rejected.conflict("user.administrator",
                    "O Administrador da conta não pode ser desativado. Para trocá-lo, fale com o seu Gerente de Contas.");
        }
        if (userId.equals(cmd.actorId().value())) {
            throw Rejected.conflict("user.self", "Você não pode desativar o seu próprio usuário.");
        }
        if (!active) throw Rejected.conflict("user.inactive", "Este usuário já está desativado.");
        apply(new UserDeactivated(userId, accountId, cmd.actorId().value()));
        return written();
    }

    @CommandHandler
    Written handle(ReactivateUser cmd) {
        requireOf(cmd.accountId().value());
        if (active) throw Rejected.conflict("user.active", "Este usuário já está ativo.");
        apply(new UserReactivated(userId, accountId, cmd.actorId().value()));
        return written();
    }

    /** The profile was checked against the account by the caller, which owns the profiles. */
    void update(UpdateUser cmd) {
        apply(new UserChanged(userId, accountId, cmd.name(), cmd.phone(), cmd.cpf() == null ? null : cmd.cpf().value(),
                cmd.profileId().value(), cmd.actorId() == null ? null : cmd.actorId().value()));
    }

    /** Records that a temporary password went out; the password itself is delivered after commit, never stored here. */
    public void issueTemporaryPassword(String reason) {
        issueTemporaryPassword(reason, email);
    }

    void issueTemporaryPassword(String reason, String sentTo) {
        apply(new TemporaryPasswordIssued(userId, accountId, sentTo, reason));
    }

    void recordLoginTokenSent(String challengeId, Instant expiresAt) {
        apply(new LoginTokenSent(userId, accountId, challengeId, expiresAt));
    }

    void recordLoginFailed(String reason) {
        apply(new LoginFailed(userId, accountId, reason));
    }

    void recordLoginSucceeded(String challengeId) {
        apply(new LoginSucceeded(userId, accountId, challengeId));
    }

    void recordLogout() {
        apply(new UserLoggedOut(userId, accountId));
    }

    void recordPasswordChanged() {
        apply(new PasswordChanged(userId, accountId));
    }

    /** Another account's user is "not found": its existence is never revealed. */
    void requireOf(String callerAccountId) {
        if (!belongsTo(callerAccountId)) throw Rejected.notFound("user.not-found", "Usuário não encontrado.");
    }

    boolean belongsTo(String callerAccountId) {
        // a stream of another aggregate type loads with no UserCreated: userId stays null
        return userId != null && accountId != null && accountId.equals(callerAccountId);
    }

    String userId() {
        return userId;
    }

    String accountId() {
        return accountId;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    boolean administrator() {
        return administrator;
    }

    boolean active() {
        return active;
    }

    boolean everLoggedIn() {
        return everLoggedIn;
    }

    private Written written() {
        return new Written(userId, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        userId = e.userId();
        accountId = e.accountId();
        name = e.name();
        email = e.email();
        administrator = e.administrator();
        active = true;
    }

    @EventSourcingHandler
    void on(UserChanged e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(UserDeactivated e) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated e) {
        active = true;
    }

    @EventSourcingHandler
    void on(LoginSucceeded e) {
        everLoggedIn = true;
    }

    /** The user of that account, or 404: another account's user is simply unknown. */
    static org.axonframework.modelling.command.Aggregate<User> loadOf(
            Repository<User> users, String userId, String accountId) {
        var user = Aggregates.find(users, userId).orElseThrow(() -> Rejected.notFound("user.not-found", "Usuário não encontrado."));
        user.execute(u -> u.requireOf(accountId));
        return user;
    }
}
