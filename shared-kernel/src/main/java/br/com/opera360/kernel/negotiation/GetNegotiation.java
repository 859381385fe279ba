package br.com.opera360.kernel.negotiation;

import br.com.opera360.kernel.common.AccountId;

public record GetNegotiation(AccountId accountId, NegotiationId negotiationId) {
}
