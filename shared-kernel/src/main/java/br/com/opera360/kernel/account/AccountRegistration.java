package br.com.opera360.kernel.account;

/** Result of {@link RegisterAccount}: {@code created} false means an identical re-send (200, nothing changed). */
public record AccountRegistration(String accountId, boolean created) {
}
