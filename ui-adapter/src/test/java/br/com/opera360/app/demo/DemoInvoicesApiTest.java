package br.com.opera360.app.demo;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.GetInvoice;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.GetNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import br.com.opera360.testing.ApiTest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo invoices, loaded into a fresh account through the same commands, as the portal then shows them. */
class DemoInvoicesApiTest extends ApiTest {
    @Autowired
    DemoInvoices demoInvoices;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_demo_account_gets_invoices_in_every_status_over_14_months_and_a_second_load_changes_nothing() throws Exception {
        var account = new AccountId(newAccount().accountId());
        demoInvoices.load(account);
        long events = jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);

        List<InvoiceListItem> all = List.of();
        for (int i = 0; i < 100; i++) {
            all = queries.query(new FindInvoices(account, null, null, Set.of(), null, null, null, InvoiceSortField.ISSUE_DATE, true,
                    new PageRequest(0, 500)), InvoicePage.class).join().items();
            boolean settled = all.size() == 16 && all.stream().filter(x -> x.status() == InvoiceStatus.INSTALLMENT).count() == 2
                    && all.stream().filter(x -> x.status() == InvoiceStatus.PAID).count() == 9;
            if (settled) break;
            Thread.sleep(50);
        }
        assertThat(all).hasSize(16);
        LocalDate today = LocalDate.now(clock);
        assertThat(ChronoUnit.MONTHS.between(all.get(0).issueDate().withDayOfMonth(1), today.withDayOfMonth(1))).isEqualTo(13);
        var statuses = all.stream().map(InvoiceListItem::status).toList();
        assertThat(statuses).contains(InvoiceStatus.OPEN, InvoiceStatus.PENDING, InvoiceStatus.INSTALLMENT, InvoiceStatus.PAID);
        var overdueDays = all.stream().filter(x -> x.status() == InvoiceStatus.PENDING).map(InvoiceListItem::daysOverdue).toList();
        assertThat(overdueDays).anyMatch(d -> d <= 5).anyMatch(d -> d > 30);

        var negotiated = all.stream().filter(x -> x.status() == InvoiceStatus.INSTALLMENT).findFirst().orElseThrow();
        var details = queries.query(new GetInvoice(account, InvoiceId.of(account, negotiated.number())), InvoiceDetails.class).join();
        assertThat(details.negotiation().installments()).extracting(x -> x.status()).contains(InstallmentStatus.PAID)
                .containsAnyOf(InstallmentStatus.OPEN, InstallmentStatus.OVERDUE);

        var totals = queries.query(new GetInvoiceSummary(account), ResponseTypes.multipleInstancesOf(InvoiceStatusTotal.class)).join();
        assertThat(totals).allSatisfy(t -> assertThat(t.count()).isPositive());

        // the Nota Fiscal is the demo's last command: its view may lag the payments the loop above waited for
        var paid = all.stream().filter(x -> x.status() == InvoiceStatus.PAID).toList();
        long withNf = 0;
        for (int i = 0; i < 100 && withNf == 0; i++) {
            if (i > 0) Thread.sleep(50);
            withNf = paid.stream()
                    .filter(x -> queries.query(new GetNotaFiscal(account, InvoiceId.of(account, x.number())), NotaFiscalDocument.class).join() != null)
                    .count();
        }
        assertThat(withNf).isEqualTo(1);

        demoInvoices.load(account);
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class)).isEqualTo(events);
    }
}
