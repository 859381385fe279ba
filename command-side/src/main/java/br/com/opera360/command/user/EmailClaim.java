package br.com.opera360.command.user;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.user.EmailClaimed;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An e-mail address belongs to at most one user across all customer accounts; the id is the address. */
@Aggregate
public class EmailClaim {
    @AggregateIdentifier
    private String email;
    private String userId;

    protected EmailClaim() {
    }

    public static EmailClaim unclaimed() {
        return new EmailClaim();
    }

    public void claimFor(String email, String userId, String accountId) {
        if (this.userId != null && !this.userId.equals(userId)) {
            throw Rejected.conflict("email.taken", "E-mail já utilizado por outro usuário. Informe outro e-mail.");
        }
        if (this.userId == null) apply(new EmailClaimed(email, userId, accountId));
    }

    String userId() {
        return userId;
    }

    @EventSourcingHandler
    void on(EmailClaimed e) {
        email = e.email();
        userId = e.userId();
    }
}
