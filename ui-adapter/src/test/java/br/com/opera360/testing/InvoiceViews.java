package br.com.opera360.testing;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Invoice views written straight into a running application's read store, as the projection writes them, for
 * benchmarks and durability tests that need many rows without ingesting them: numbers {@code B000000000}, … in order.
 */
public final class InvoiceViews {
    private static final int BATCH = 10_000;

    /** How the views vary: first issue date, over how many days the issue dates cycle, whether all are unpaid. */
    public enum Shape {
        /** Issued over 2025, all unpaid. */
        UNPAID(LocalDate.of(2025, 1, 1), 365, true),
        /** Issued over three years from 2024, a tenth paid and a tenth negotiated. */
        MIXED(LocalDate.of(2024, 1, 1), 1_080, false);

        private final LocalDate firstIssue;
        private final int days;
        private final boolean allUnpaid;

        Shape(LocalDate firstIssue, int days, boolean allUnpaid) {
            this.firstIssue = firstIssue;
            this.days = days;
            this.allUnpaid = allUnpaid;
        }

        private String state(int i) {
            if (allUnpaid) return "UNPAID";
            return i % 10 == 0 ? "PAID" : i % 10 == 1 ? "INSTALLMENT" : "UNPAID";
        }
    }

    private InvoiceViews() {
    }

    public static void fill(int mongoPort, String accountId, int count, Shape shape) {
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var invoices = client.getDatabase("opera360").getCollection("invoices");
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                batch.add(view(accountId, i, shape));
                if (batch.size() == BATCH) {
                    invoices.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) invoices.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    private static Document view(String accountId, int i, Shape shape) {
        String number = String.format("B%09d", i);
        LocalDate issued = shape.firstIssue.plusDays(i % shape.days);
        long cents = 10_000 + (i % 500_000);
        String state = shape.state(i);
        return new Document("_id", accountId + ":" + number)
                .append("accountId", accountId).append("number", number)
                .append("issueDate", issued.toString()).append("dueDate", issued.plusDays(20).toString())
                .append("totalCents", cents).append("amountDueCents", "UNPAID".equals(state) ? cents : 0L)
                .append("issuer", "M2M Telecomunicações S.A.").append("issuerCnpj", null)
                .append("state", state).append("negotiationId", "INSTALLMENT".equals(state) ? "neg-" + i : null)
                .append("paidOn", "PAID".equals(state) ? issued.plusDays(10).toString() : null)
                .append("amountPaidCents", "PAID".equals(state) ? cents : null).append("items", List.of()).append("version", 0L);
    }
}
