package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.Secret;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/**
 * Second login step: the token e-mailed for the challenge. {@code sessionId} is the SHA-256 of the access token the
 * edge generated; the access token itself never enters the command side.
 */
public record ConfirmLogin(@RoutingKey String challengeId, Secret token, String sessionId) {
    public ConfirmLogin {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
