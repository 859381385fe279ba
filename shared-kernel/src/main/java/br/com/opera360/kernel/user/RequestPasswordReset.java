package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.Email;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/** "Esqueci minha senha": a temporary password goes to the account's Administrator, if the user exists. */
public record RequestPasswordReset(@RoutingKey Email email) {
    public RequestPasswordReset {
        Objects.requireNonNull(email, "email");
    }
}
