package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.Secret;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/** First login step: e-mail and password. The challenge id is generated at the edge. */
public record LogIn(@RoutingKey Email email, Secret password, String challengeId) {
    public LogIn {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(challengeId, "challengeId");
    }
}
