package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cpf;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

public record UpdateUser(@RoutingKey UserId userId, AccountId accountId, String name, String phone, Cpf cpf,
                         ProfileId profileId, UserId actorId) {
    public UpdateUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(name, "name");
    }
}
