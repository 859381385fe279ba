package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.AttachNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.invoice.NfAccessKey;
import br.com.opera360.web.common.Fields;

import java.time.LocalDate;

record AttachNotaFiscalRequest(String accountId, String invoiceNumber, String number, String series, String accessKey,
                               String issuedOn, String xml) {

    AttachNotaFiscal toCommand() {
        var fields = new Fields();
        AccountId account = RequestValues.account(fields, accountId);
        InvoiceNumber invoice = fields.parse("invoiceNumber", () -> new InvoiceNumber(invoiceNumber));
        String nfNumber = RequestValues.text(fields, "number", number, 20);
        String nfSeries = RequestValues.text(fields, "series", series, 10);
        NfAccessKey key = fields.parse("accessKey", () -> new NfAccessKey(accessKey));
        LocalDate issued = RequestValues.date(fields, "issuedOn", issuedOn, true);
        if (xml == null || xml.isBlank()) fields.reject("xml", "é obrigatório");
        else if (!NotaFiscalXml.isWellFormed(xml)) fields.reject("xml", "não é um XML bem formado");
        fields.check();
        // the XML is passed on untouched: the Nota Fiscal zip must hold it byte for byte
        return new AttachNotaFiscal(InvoiceId.of(account, invoice.value()), account, nfNumber, nfSeries, key, issued, xml);
    }
}
