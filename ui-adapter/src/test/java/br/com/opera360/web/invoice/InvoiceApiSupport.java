package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.GetInvoice;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.NfAccessKey;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.IngestBodies;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Ingests invoices through the API and reads them back through the query handlers (what the portal shows). */
abstract class InvoiceApiSupport extends ApiTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10); // ApiTest.START in São Paulo

    @Autowired
    QueryGateway queries;

    /** The build machine is shared: a first request (JIT, BCrypt, PDF fonts) may take longer than WebTestClient's 5 s. */
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Autowired
    JdbcTemplate jdbc;

    /** A portal client signed in (real login) as a user of the account whose profile grants exactly these functionalities. */
    org.springframework.test.web.reactive.server.WebTestClient portal(TestAccount account, String... functionalities) {
        String token = loginWith(account, functionalities);
        return web.mutate().defaultHeaders(bearer(token)).build();
    }

    /** An item of February 2026 described as "Mensalidade <designation>". */
    static Map<String, Object> item(String designation, String amount) {
        return IngestBodies.monthlyItem(designation, amount).with("description", "Mensalidade " + designation);
    }

    static Map<String, Object> invoice(String accountId, String number, LocalDate issueDate, LocalDate dueDate,
                                       List<Map<String, Object>> items) {
        return IngestBodies.invoice(accountId, number, issueDate, dueDate, items);
    }

    /** Issued 20 days before it is due, one {@link #item} {@code LINK-<number>}. */
    static Map<String, Object> invoice(String accountId, String number, LocalDate dueDate, String amount) {
        return invoice(accountId, number, dueDate.minusDays(20), dueDate, List.of(item("LINK-" + number, amount)));
    }

    void registerInvoice(String accountId, String number, LocalDate dueDate, String amount) {
        ingest("/api/ingest/invoices", invoice(accountId, number, dueDate, amount)).expectStatus().isCreated();
    }

    /** A valid NF-e access key: SP, 2026-03, the given CNPJ, model 55, series 1, the number, with its mod-11 digit. */
    static String accessKey(String cnpj, int number) {
        String base = "35" + "2603" + cnpj + "55" + "001" + String.format("%09d", number) + "1" + String.format("%08d", number);
        return base + NfAccessKey.checkDigit(base);
    }

    static String nfXml(String accessKey, int number) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nfeProc xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\">"
                + "<NFe><infNFe Id=\"NFe" + accessKey + "\" versao=\"4.00\"><ide><natOp>Prestação de serviço de telecomunicação</natOp>"
                + "<serie>1</serie><nNF>" + number + "</nNF><dhEmi>2026-03-01T10:00:00-03:00</dhEmi></ide>"
                + "<emit><CNPJ>11222333000181</CNPJ><xNome>M2M Telecomunicações S.A.</xNome></emit>"
                + "<dest><CNPJ>11444777000161</CNPJ><xNome>Cliente &amp; Cia Ltda</xNome></dest>"
                + "<det nItem=\"1\"><prod><xProd>Link dedicado 100 Mbps</xProd><vProd>1500.00</vProd></prod></det>"
                + "<total><ICMSTot><vNF>1500.00</vNF></ICMSTot></total></infNFe></NFe>\n  <!-- acentuação: ç ã é -->\r\n</nfeProc>\n";
    }

    long eventCount(String aggregateId) {
        Long n = jdbc.queryForObject("select count(*) from DomainEventEntry where aggregateIdentifier = ?", Long.class, aggregateId);
        return n == null ? 0 : n;
    }

    InvoiceDetails details(String accountId, String number) {
        return queries.query(new GetInvoice(new AccountId(accountId), InvoiceId.of(new AccountId(accountId), number)),
                InvoiceDetails.class).join();
    }

    /** Ingestion is eventually consistent (the contract allows up to 1 s): wait until the view satisfies the check. */
    InvoiceDetails awaitInvoice(String accountId, String number, Predicate<InvoiceDetails> ready) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            InvoiceDetails d = details(accountId, number);
            if (d != null && ready.test(d)) return d;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("invoice " + number + " never reached the expected state: " + d);
            sleep(30);
        }
    }

    InvoiceDetails awaitInvoice(String accountId, String number) {
        return awaitInvoice(accountId, number, d -> true);
    }

    InvoicePage list(String accountId, Set<InvoiceStatus> statuses, InvoiceSortField sort, boolean ascending, int page, int size) {
        return queries.query(new FindInvoices(new AccountId(accountId), null, null, statuses, null, null, null, sort, ascending,
                new PageRequest(page, size)), InvoicePage.class).join();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
