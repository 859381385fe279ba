package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The boleto of an unpaid invoice, for its due date and current amount due. {@code status} is the invoice's: a PAID
 * or INSTALLMENT invoice has no boleto (the barcode fields are then null), nor has one whose amount or due date
 * FEBRABAN's barcode cannot carry. {@code pix}: the same charge as a Pix BR Code (boleto híbrido), null where no Pix
 * receiver is configured.
 */
public record BoletoDetails(InvoiceStatus status, String invoiceNumber, String bankCode, String digitableLine,
                            String barcode, BigDecimal amount, LocalDate dueDate, Party beneficiary, Party payer,
                            String ourNumber, PixDetails pix) {

    public record Party(String name, String cnpj) {
    }

    public boolean payable() {
        return status == InvoiceStatus.OPEN || status == InvoiceStatus.PENDING;
    }
}
