package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cpf;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/** An account's user manager creates a user; the id is generated at the edge. Routed by e-mail (the claim). */
public record CreateUser(UserId userId, AccountId accountId, String name, @RoutingKey Email email, String phone, Cpf cpf,
                         ProfileId profileId, UserId actorId) {
    public CreateUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(name, "name");
    }
}
