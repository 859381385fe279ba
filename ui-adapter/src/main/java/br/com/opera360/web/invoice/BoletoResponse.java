package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.PixDetails;
import br.com.opera360.kernel.common.Rejected;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code GET /api/invoices/{number}/boleto} as JSON: the boleto's fields, without the invoice's status. */
record BoletoResponse(String bankCode, String digitableLine, String barcode, BigDecimal amount, LocalDate dueDate,
                      BoletoDetails.Party beneficiary, BoletoDetails.Party payer, String ourNumber, PixDetails pix) {

    static BoletoResponse of(BoletoDetails b) {
        return new BoletoResponse(b.bankCode(), b.digitableLine(), b.barcode(), b.amount(), b.dueDate(), b.beneficiary(),
                b.payer(), b.ourNumber(), b.pix());
    }

    /** A paid or negotiated invoice has no boleto, nor has one FEBRABAN's barcode cannot carry: 409. */
    static BoletoDetails requirePrintable(BoletoDetails b) {
        if (!b.payable()) {
            throw Rejected.conflict("boleto.not-payable", b.status() == InvoiceStatus.PAID
                    ? "A fatura " + b.invoiceNumber() + " já está paga: não há boleto a emitir."
                    : "A fatura " + b.invoiceNumber() + " está parcelada: pague pelos boletos das parcelas da negociação.");
        }
        if (b.barcode() == null) {
            throw Rejected.conflict("boleto.out-of-range", "A fatura " + b.invoiceNumber()
                    + " não pode ser paga por boleto (valor ou vencimento fora do padrão FEBRABAN). Procure a Central de Atendimento.");
        }
        return b;
    }
}
