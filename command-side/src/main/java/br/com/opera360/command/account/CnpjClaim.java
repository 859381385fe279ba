package br.com.opera360.command.account;

import br.com.opera360.kernel.account.CnpjClaimed;
import br.com.opera360.kernel.account.RegisterAccount;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A CNPJ belongs to at most one customer account. The aggregate id is the CNPJ itself, so the event store's unique
 * (aggregate id, sequence) makes two concurrent claims race-free in both runtime modes.
 */
@Aggregate
public class CnpjClaim {
    @AggregateIdentifier
    private String cnpj;
    private CnpjClaimed claim;

    protected CnpjClaim() {
    }

    static CnpjClaim unclaimed() {
        return new CnpjClaim();
    }

    boolean isClaimed() {
        return claim != null;
    }

    void claimFor(RegisterAccount cmd) {
        apply(new CnpjClaimed(cmd.cnpj().value(), cmd.accountId().value(), cmd.accountIdGiven(), cmd.companyName(),
                cmd.administratorName(), cmd.administratorEmail().value()));
    }

    String accountId() {
        return claim.accountId();
    }

    boolean isSameRegistration(RegisterAccount cmd) {
        // Without an accountId the edge generated a fresh one: the re-send is still the same registration.
        boolean sameAccount = cmd.accountIdGiven()
                ? claim.accountIdGiven() && claim.accountId().equals(cmd.accountId().value())
                : !claim.accountIdGiven();
        return sameAccount
                && claim.companyName().equals(cmd.companyName())
                && claim.administratorName().equals(cmd.administratorName())
                && claim.administratorEmail().equals(cmd.administratorEmail().value());
    }

    @EventSourcingHandler
    void on(CnpjClaimed e) {
        cnpj = e.cnpj();
        claim = e;
    }
}
