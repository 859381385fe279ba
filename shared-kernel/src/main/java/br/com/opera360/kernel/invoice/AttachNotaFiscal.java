package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/** Billing attaches the invoice's Nota Fiscal; the XML is kept exactly as sent. */
public record AttachNotaFiscal(@TargetAggregateIdentifier InvoiceId invoiceId, AccountId accountId, String number,
                               String series, NfAccessKey accessKey, LocalDate issuedOn, String xml) {
    public AttachNotaFiscal {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(issuedOn, "issuedOn");
        if (xml == null || xml.isBlank()) throw new NullPointerException("xml");
    }
}
