package br.com.opera360.command.user;

/**
 * What the user feature needs to know of a customer account, read from the account's events (never a read model).
 * Declared here and implemented by the account feature, so users never depend on the account aggregate.
 */
public interface AccountFacts {
    /** False for an unknown account. */
    boolean hasProfile(String accountId, String profileId);

    /** The account's Administrator; {@code AggregateNotFoundException} for an unknown account. */
    String administratorOf(String accountId);
}
