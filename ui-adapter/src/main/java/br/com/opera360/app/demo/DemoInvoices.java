package br.com.opera360.app.demo;

import br.com.opera360.kernel.account.AccountDetails;
import br.com.opera360.kernel.account.GetAccount;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.AttachNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItem;
import br.com.opera360.kernel.invoice.NfAccessKey;
import br.com.opera360.kernel.invoice.RecordPayment;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import br.com.opera360.kernel.negotiation.Installment;
import br.com.opera360.kernel.negotiation.NegotiateInstallments;
import br.com.opera360.kernel.negotiation.NegotiationId;
import br.com.opera360.kernel.negotiation.RecordInstallmentPayment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo account's invoices over the 14 months before the account was registered, in every status: paid ones
 * (one with a Nota Fiscal), pending ones overdue by a few days and by months, a partly paid one, open ones, and a
 * negotiation with paid and open installments. Dates count from the account's registration date, not from today, so
 * a restart sends exactly the same commands and ingestion's idempotency makes them change nothing.
 */
@Component
class DemoInvoices {
    private static final Logger log = LoggerFactory.getLogger(DemoInvoices.class);
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final String ISSUER = "M2M Telecomunicações S.A.";
    private static final Cnpj ISSUER_CNPJ = new Cnpj("11444777000161");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final CommandGateway commands;
    private final QueryGateway queries;

    DemoInvoices(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    void load(AccountId account) {
        LocalDate anchor = registrationDate(account);
        List<String> paid = new ArrayList<>();
        Map<String, Money> totals = new HashMap<>();
        LocalDate first = anchor.minusMonths(13).withDayOfMonth(1);
        for (int m = 0; m < 14; m++) {
            LocalDate issue = first.plusMonths(m);
            String number = "F" + MONTH.format(issue);
            LocalDate due = issue.plusDays(15);
            if (m == 13) due = anchor.plusDays(10);        // open
            totals.put(number, register(account, number, issue, due, m));
            if (m <= 8) paid.add(number);
        }
        register(account, "F" + MONTH.format(anchor) + "B", anchor.minusDays(20), anchor.minusDays(3), 14); // overdue by a few days
        register(account, "F" + MONTH.format(anchor) + "C", anchor.minusDays(2), anchor.plusDays(25), 15);  // open

        for (String number : paid) {
            send(new RecordPayment(InvoiceId.of(account, number), account, "PG-" + number, totals.get(number), paidOn(number)));
        }
        // partly paid and overdue by about a month
        String partly = "F" + MONTH.format(first.plusMonths(12));
        send(new RecordPayment(InvoiceId.of(account, partly), account, "PG-" + partly, Money.of("500.00"), LocalDate.parse(partly.substring(1, 5) + "-" + partly.substring(5, 7) + "-10")));

        // months 9 and 10 (overdue by months) renegotiated in four installments, two of them paid
        List<String> negotiated = List.of("F" + MONTH.format(first.plusMonths(9)), "F" + MONTH.format(first.plusMonths(10)));
        LocalDate agreedOn = anchor.minusDays(60);
        List<Installment> installments = new ArrayList<>();
        for (int i = 0; i < 4; i++) installments.add(new Installment(i + 1, agreedOn.plusDays(10 + 30L * i), Money.of("1200.00")));
        var negotiationId = NegotiationId.of(account, "NEG-DEMO-1");
        send(new NegotiateInstallments(negotiationId, account, "NEG-DEMO-1", negotiated, agreedOn, installments));
        for (var installment : installments.subList(0, 2)) {
            send(new RecordInstallmentPayment(negotiationId, account, installment.number(), installment.amount(), installment.dueDate().minusDays(1)));
        }

        String withNf = paid.get(paid.size() - 1);
        String base = "35" + DateTimeFormatter.ofPattern("yyMM").format(paidOn(withNf)) + ISSUER_CNPJ.value() + "55" + "001"
                + "000004321" + "1" + "00004321";
        var key = new NfAccessKey(base + NfAccessKey.checkDigit(base));
        send(new AttachNotaFiscal(InvoiceId.of(account, withNf), account, "4321", "1", key, paidOn(withNf), nfXml(key.value(), withNf)));
        log.info("Demo invoices in place for account '{}' (anchored on {}).", account, anchor);
    }

    private Money register(AccountId account, String number, LocalDate issue, LocalDate due, int seed) {
        var items = List.of(
                new InvoiceItem("SP-LINK-0001", "Link Dedicado", "Link dedicado 100 Mbps — mensalidade", Money.of("1899.90"), issue.minusMonths(1), issue.minusDays(1)),
                new InvoiceItem("SP-MPLS-0002", "MPLS", "VPN MPLS 20 Mbps — mensalidade", Money.of(seed % 3 == 0 ? "356.79" : "412.35"), issue.minusMonths(1), issue.minusDays(1)),
                new InvoiceItem("SP-MPLS-0002", "MPLS", "Desconto por indisponibilidade", Money.of("-1.00"), null, null));
        var command = new RegisterInvoice(InvoiceId.of(account, number), account, number, issue, due, ISSUER, ISSUER_CNPJ, items);
        send(command);
        return command.totalAmount();
    }

    private static LocalDate paidOn(String number) {
        return LocalDate.of(Integer.parseInt(number.substring(1, 5)), Integer.parseInt(number.substring(5, 7)), 14);
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("Demo data: {} was refused: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** The account's registration date (São Paulo), as its view shows it once projected. */
    private LocalDate registrationDate(AccountId account) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            AccountDetails details = queries.query(new GetAccount(account), AccountDetails.class).join();
            if (details != null && details.registeredAt() != null) return details.registeredAt().atZone(SAO_PAULO).toLocalDate();
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("demo account never became visible");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String nfXml(String key, String invoiceNumber) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <nfeProc xmlns="http://www.portalfiscal.inf.br/nfe" versao="4.00"><NFe><infNFe Id="NFe%s" versao="4.00">\
                <ide><natOp>Prestação de serviço de comunicação</natOp><serie>1</serie><nNF>4321</nNF></ide>\
                <emit><CNPJ>11444777000161</CNPJ><xNome>M2M Telecomunicações S.A.</xNome></emit>\
                <dest><CNPJ>11222333000181</CNPJ><xNome>Demo Conectividade Ltda</xNome></dest>\
                <det nItem="1"><prod><xProd>Serviços de conectividade — fatura %s</xProd><vProd>2255.69</vProd></prod></det>\
                <total><ICMSTot><vNF>2255.69</vNF></ICMSTot></total></infNFe></NFe></nfeProc>
                """.formatted(key, invoiceNumber);
    }
}
