package br.com.opera360.web.security;

import java.util.Set;

/** The authenticated portal user, as controllers receive it through {@code @AuthenticationPrincipal}. */
public record PortalUser(String userId, String accountId, Set<String> functionalities, boolean administrator,
                         boolean mustChangePassword) {
}
