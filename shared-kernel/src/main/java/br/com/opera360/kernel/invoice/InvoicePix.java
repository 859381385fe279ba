package br.com.opera360.kernel.invoice;

/**
 * The Pix of an invoice. {@code pix} is null when the invoice is not payable (PAID, INSTALLMENT), when no Pix
 * receiver is configured for its issuer, or when its amount due does not fit a BR Code.
 */
public record InvoicePix(InvoiceStatus status, String invoiceNumber, PixDetails pix) {

    public boolean payable() {
        return status == InvoiceStatus.OPEN || status == InvoiceStatus.PENDING;
    }
}
