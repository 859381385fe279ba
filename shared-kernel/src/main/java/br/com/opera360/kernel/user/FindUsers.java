package br.com.opera360.kernel.user;

import br.com.opera360.kernel.common.AccountId;

/**
 * Users of the account, by name. {@code status} ACTIVE/INACTIVE or null; {@code q} a case- and accent-insensitive
 * substring of name or e-mail, or null.
 */
public record FindUsers(AccountId accountId, String status, String profileId, String q, int page, int size) {
}
