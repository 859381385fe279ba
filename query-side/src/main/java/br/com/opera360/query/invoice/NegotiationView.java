package br.com.opera360.query.invoice;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Map;

/** One negotiation; {@code payments} maps installment number to its paidOn. Fed by the negotiation's events only. */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('invoice', 'negotiations')}")
record NegotiationView(@Id String id, String accountId, String reference, String agreedOn, List<Invoice> invoices,
                       List<Installment> installments, Map<String, String> payments, String settledOn, long version) {
    static final String COLLECTION = "negotiations";

    record Invoice(String invoiceId, String number, String dueDate, long totalCents, long amountDueCents) {
    }

    record Installment(int number, String dueDate, long amountCents) {
    }
}
