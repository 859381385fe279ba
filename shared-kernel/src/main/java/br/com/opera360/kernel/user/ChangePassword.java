package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Secret;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/** The user changes their password; every other session ends, {@code sessionId} (the current one) stays. */
public record ChangePassword(@RoutingKey UserId userId, AccountId accountId, Secret currentPassword,
                             NewPassword newPassword, String sessionId) {
    public ChangePassword {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
