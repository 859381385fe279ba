package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

public record DeactivateUser(@TargetAggregateIdentifier UserId userId, AccountId accountId, UserId actorId) {
    public DeactivateUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(actorId, "actorId");
    }
}
