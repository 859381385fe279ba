package br.com.opera360.kernel.user;

import java.util.List;

/**
 * What a user may do now, for the request filter. Never an API answer. {@code version} is the user's view version,
 * so a login can wait until the view has caught up with it. {@code details} is the user as the API shows it, read in
 * the same round trip, so {@code /api/me} need not read the user again; so is {@code company}, null until the user's
 * read model has seen the account's registration.
 */
public record UserAccess(String userId, String accountId, boolean active, boolean administrator, String profileId,
                         List<String> functionalities, long version, UserDetails details,
                         UserCompany company) {
    public UserAccess {
        functionalities = functionalities == null ? List.of() : List.copyOf(functionalities);
    }
}
