package br.com.opera360.query.invoice;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The Nota Fiscal of one invoice (id = the invoice's id); {@code xml} exactly as ingested. */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('invoice', 'notas_fiscais')}")
record NotaFiscalView(@Id String id, String accountId, String invoiceNumber, String number, String series,
                      String accessKey, String issuedOn, String xml, long version) {
    static final String COLLECTION = "notas_fiscais";
}
