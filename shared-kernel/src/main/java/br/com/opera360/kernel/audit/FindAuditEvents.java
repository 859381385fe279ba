package br.com.opera360.kernel.audit;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * The account's events, oldest first. {@code aggregateType}, {@code aggregateId}, {@code from} and {@code to} are
 * optional; {@code from}/{@code to} are inclusive.
 */
public record FindAuditEvents(AccountId accountId, String aggregateType, String aggregateId, Instant from, Instant to,
                              PageRequest page) {
    public FindAuditEvents {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(page, "page");
    }
}
