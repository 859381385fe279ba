package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.negotiation.InstallmentStatus;

/**
 * The Pix of one installment of a negotiation. {@code pix} is null when the installment is paid, when no Pix receiver
 * is configured for the negotiated invoices' issuer, or when its amount does not fit a BR Code.
 */
public record InstallmentPix(InstallmentStatus status, String negotiationId, int installment, PixDetails pix) {
}
