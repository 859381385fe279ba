package br.com.opera360.kernel.invoice;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The XML travels in the event so that the read model can be rebuilt from history, byte for byte. */
@Revision("1")
public record NotaFiscalAttached(String invoiceId, String accountId, String invoiceNumber, String number,
                                 String series, String accessKey, LocalDate issuedOn, String xml) {
}
