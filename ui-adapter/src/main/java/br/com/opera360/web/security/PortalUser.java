package br.com.opera360.web.security;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.user.UserCompany;
import br.com.opera360.kernel.user.UserDetails;
import org.springframework.security.core.AuthenticatedPrincipal;

import java.util.Set;

/**
 * The signed-in portal user, resolved from current state on every request: a profile or user change applies on the
 * next request. Authorities are the functionality codes ({@code @PreAuthorize("hasAuthority('INVOICES_VIEW')")}).
 * {@code sessionId} is the SHA-256 of the access token (for logout and password change), never the token.
 * {@code details} is the user as the API shows it and {@code company} its company (null until the identity read model
 * has seen the account), both read with the access in the same round trip (for {@code /api/me}).
 */
public record PortalUser(UserId userId, AccountId accountId, Set<Functionality> functionalities, boolean administrator,
                         boolean mustChangePassword, String sessionId, UserDetails details,
                         UserCompany company) implements AuthenticatedPrincipal {
    public PortalUser {
        functionalities = Set.copyOf(functionalities);
    }

    /**
     * The audit actor of portal commands is the user id (contract, Audit). {@link AuthenticatedPrincipal}, not
     * {@code java.security.Principal}: WebFlux would inject the whole Authentication for a Principal parameter.
     */
    @Override
    public String getName() {
        return userId.value();
    }

    @Override
    public String toString() {
        return "PortalUser[userId=" + userId + ", accountId=" + accountId + "]";
    }
}
