package br.com.opera360.command.user;

import br.com.opera360.kernel.user.TemporaryPasswordIssued;
import br.com.opera360.kernel.user.UserCreated;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person who uses the portal on behalf of one customer account. Secrets live in the {@link CredentialStore}. */
@Aggregate
public class User {
    @AggregateIdentifier
    private String userId;
    private String accountId;
    private String email;
    private boolean administrator;

    protected User() {
    }

    public User(String userId, String accountId, String name, String email, String phone, String cpf, String profileId,
                boolean administrator) {
        apply(new UserCreated(userId, accountId, name, email, phone, cpf, profileId, administrator));
    }

    /** Records that a temporary password went out; the password itself is delivered after commit, never stored here. */
    public void issueTemporaryPassword(String reason) {
        apply(new TemporaryPasswordIssued(userId, accountId, email, reason));
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        userId = e.userId();
        accountId = e.accountId();
        email = e.email();
        administrator = e.administrator();
    }
}
