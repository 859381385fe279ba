package br.com.opera360.kernel.account;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.commandhandling.RoutingKey;

import java.util.Objects;

/**
 * Billing registers a customer account. {@code accountIdGiven} tells whether the caller chose the id (part of the
 * payload, compared on re-send) or the edge generated it. Ids of the built-in profile and of the Administrator are
 * generated at the edge. Routed by CNPJ so that claims of one CNPJ meet on one node.
 */
public record RegisterAccount(@RoutingKey Cnpj cnpj, AccountId accountId, boolean accountIdGiven, String companyName,
                              String administratorName, Email administratorEmail,
                              UserId administratorId, ProfileId administratorProfileId) {
    public RegisterAccount {
        Objects.requireNonNull(cnpj, "cnpj");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(administratorEmail, "administratorEmail");
        Objects.requireNonNull(administratorId, "administratorId");
        Objects.requireNonNull(administratorProfileId, "administratorProfileId");
        companyName = requireText(companyName, "companyName", 200);
        administratorName = requireText(administratorName, "administrator.name", 120);
    }

    static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": é obrigatório");
        String v = value.strip();
        if (v.length() > max) throw new IllegalArgumentException(field + ": deve ter no máximo " + max + " caracteres");
        return v;
    }
}
