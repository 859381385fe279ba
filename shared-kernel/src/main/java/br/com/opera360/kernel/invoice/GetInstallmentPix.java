package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.negotiation.NegotiationId;

public record GetInstallmentPix(AccountId accountId, NegotiationId negotiationId, int installment) {
}
