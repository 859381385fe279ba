package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/** Ends the session {@code sessionId} (hash of the access token) and only that one. */
public record LogOut(@RoutingKey UserId userId, AccountId accountId, String sessionId) {
    public LogOut {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
