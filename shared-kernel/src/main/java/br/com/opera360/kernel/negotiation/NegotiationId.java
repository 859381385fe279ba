package br.com.opera360.kernel.negotiation;

import br.com.opera360.kernel.common.AccountId;

import java.util.Objects;

/**
 * A negotiation's aggregate id carries its account (billing's negotiation ids are unique only within an account) and
 * a marker, because aggregate ids share one space in the event store: "acc:number" is an invoice.
 */
public record NegotiationId(String value) {
    public NegotiationId {
        Objects.requireNonNull(value, "negotiationId");
    }

    public static NegotiationId of(AccountId account, String reference) {
        return new NegotiationId(account.value() + ":negotiation:" + reference);
    }

    @Override
    public String toString() {
        return value;
    }
}
