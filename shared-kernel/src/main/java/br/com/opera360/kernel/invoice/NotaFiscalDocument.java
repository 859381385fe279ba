package br.com.opera360.kernel.invoice;

import java.time.LocalDate;

/** The Nota Fiscal of an invoice with its XML exactly as ingested. */
public record NotaFiscalDocument(String invoiceNumber, String number, String series, String accessKey,
                                 LocalDate issuedOn, String xml) {
}
