package br.com.opera360.query.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import br.com.opera360.query.common.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/invoices/summary} answers one item per status in the contract's order: OPEN ("A vencer"), PENDING
 * ("Pendente"), INSTALLMENT ("Parcelada"), PAID ("Paga") (docs: api-contract.md, "Invoices"), whatever the data.
 */
class InvoiceSummaryOrderTest {
    /** 2026-03-10 in São Paulo. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneId.of("America/Sao_Paulo"));
    private static final List<String> CONTRACT_ORDER = List.of("OPEN", "PENDING", "INSTALLMENT", "PAID");

    private InMemoryMongo store;
    private InvoiceListQueryHandler handler;

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        handler = new InvoiceListQueryHandler(store.reactiveTemplate(), CLOCK);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static InvoiceView view(String accountId, String number, String dueDate, long cents, long dueCents, String state) {
        return new InvoiceView(accountId + ":" + number, accountId, number, "2026-02-01", dueDate, cents, dueCents, "M2M S.A.",
                null, state, null, null, null, List.of(), 1);
    }

    private List<InvoiceStatusTotal> summary(String accountId) throws Exception {
        return handler.handle(new GetInvoiceSummary(new AccountId(accountId))).get();
    }

    @Test
    void the_statuses_come_in_the_contract_order_with_their_totals() throws Exception {
        // the first status has by far the most invoices (its aggregation is the slowest), the last one the fewest:
        // answers collected as they complete, rather than in the statuses' order, would come out of order
        List<InvoiceView> views = new ArrayList<>();
        for (int i = 0; i < 400; i++) views.add(view("acme", String.format("O-%03d", i), "2026-03-20", 1_000, 1_000, InvoiceView.UNPAID));
        for (int i = 0; i < 40; i++) views.add(view("acme", String.format("P-%03d", i), "2026-03-09", 2_000, 1_500, InvoiceView.UNPAID));
        for (int i = 0; i < 4; i++) views.add(view("acme", "N-" + i, "2026-01-20", 3_000, 3_000, InvoiceView.INSTALLMENT));
        views.add(view("acme", "Q-0", "2026-03-01", 4_000, 0, InvoiceView.PAID));
        views.add(view("other", "O-000", "2026-03-20", 9_900, 9_900, InvoiceView.UNPAID));
        store.template().insertAll(views);

        assertThat(summary("acme"))
                .extracting(t -> t.status().name() + ":" + t.count() + ":" + t.amount().toPlainString() + ":" + t.amountDue().toPlainString())
                .containsExactly("OPEN:400:4000.00:4000.00", "PENDING:40:800.00:600.00", "INSTALLMENT:4:120.00:120.00",
                        "PAID:1:40.00:0.00");
    }

    @Test
    void an_account_without_invoices_still_gets_every_status_in_the_contract_order() throws Exception {
        assertThat(summary("empty")).extracting(t -> t.status().name()).containsExactlyElementsOf(CONTRACT_ORDER);
        assertThat(summary("empty")).allSatisfy(t -> assertThat(t.count()).isZero());
    }
}
