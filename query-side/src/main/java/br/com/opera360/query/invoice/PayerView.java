package br.com.opera360.query.invoice;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The customer account as the payer of its boletos, fed by AccountRegistered. */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('invoice', 'invoice_payers')}")
record PayerView(@Id String id, String name, String cnpj, long version) {
    static final String COLLECTION = "invoice_payers";
}
