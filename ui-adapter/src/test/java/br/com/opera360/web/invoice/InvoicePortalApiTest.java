package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.InvoiceStatus;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static br.com.opera360.testing.IngestBodies.payment;
import static br.com.opera360.testing.IngestBodies.negotiation;
import static br.com.opera360.testing.IngestBodies.installment;
import static br.com.opera360.testing.IngestBodies.installmentPayment;
import static org.assertj.core.api.Assertions.assertThat;

/** The portal's invoice endpoints, signed in for real: JSON shapes, status details, files, 400/401/403/404/409. */
class InvoicePortalApiTest extends InvoiceApiSupport {

    /** An account with one invoice in each status (as of TODAY) and a Nota Fiscal on the paid one. */
    private record Fixture(TestAccount account, String acc, WebTestClient viewer) {
    }

    private Fixture accountWithEveryStatus() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "OPEN-1", TODAY.plusDays(5), "100.00");
        registerInvoice(acc, "PEND-1", TODAY.minusDays(7), "200.00");
        ingest("/api/ingest/payments", payment(acc, "PEND-1", "50.00", TODAY.minusDays(1))).expectStatus().isCreated();
        registerInvoice(acc, "NEG-INV", TODAY.minusDays(60), "300.00");
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-9", List.of("NEG-INV"), TODAY.minusDays(30), List.of(
                installment(1, TODAY.minusDays(20), "160.00"), installment(2, TODAY.minusDays(2), "160.00"),
                installment(3, TODAY.plusDays(10), "160.00")))).expectStatus().isCreated();
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-9", 1, "160.00", TODAY.minusDays(21))).expectStatus().isCreated();
        registerInvoice(acc, "PAID-1", TODAY.minusDays(20), "400.00");
        ingest("/api/ingest/payments", payment(acc, "PAID-1", "400.00", TODAY.minusDays(22))).expectStatus().isCreated();
        awaitInvoice(acc, "PAID-1", d -> d.status() == InvoiceStatus.PAID);
        awaitInvoice(acc, "NEG-INV", d -> d.negotiation() != null && d.negotiation().installments().get(0).paidOn() != null);
        awaitInvoice(acc, "PEND-1", d -> d.amountDue().compareTo(new BigDecimal("150.00")) == 0);
        return new Fixture(account, acc, portal(account, "INVOICES_VIEW"));
    }

    @Test
    void the_list_is_paginated_sorted_by_due_date_descending_by_default_and_shows_status_labels() {
        var f = accountWithEveryStatus();
        f.viewer().get().uri("/api/invoices").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0).jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.totalItems").isEqualTo(4).jsonPath("$.totalPages").isEqualTo(1)
                .jsonPath("$.items[*].number").isEqualTo(List.of("OPEN-1", "PEND-1", "PAID-1", "NEG-INV"))
                .jsonPath("$.items[0].statusLabel").isEqualTo("A vencer")
                .jsonPath("$.items[0].daysUntilDue").isEqualTo(5)
                .jsonPath("$.items[0].daysOverdue").isEmpty()
                .jsonPath("$.items[1].status").isEqualTo("PENDING")
                .jsonPath("$.items[1].statusLabel").isEqualTo("Pendente")
                .jsonPath("$.items[1].daysOverdue").isEqualTo(7)
                .jsonPath("$.items[1].amountDue").isEqualTo(150.00)
                .jsonPath("$.items[1].totalAmount").isEqualTo(200.00)
                .jsonPath("$.items[2].statusLabel").isEqualTo("Paga")
                .jsonPath("$.items[3].statusLabel").isEqualTo("Parcelada")
                .jsonPath("$.items[0].issuer").isEqualTo("M2M Telecomunicações S.A.")
                .jsonPath("$.items[0].issueDate").isEqualTo(TODAY.minusDays(15).toString())
                .jsonPath("$.items[0].dueDate").isEqualTo(TODAY.plusDays(5).toString());

        f.viewer().get().uri("/api/invoices?status=OPEN&status=PENDING&sort=totalAmount,asc&size=1&page=1").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].number").isEqualTo(List.of("PEND-1"))
                .jsonPath("$.totalItems").isEqualTo(2).jsonPath("$.totalPages").isEqualTo(2).jsonPath("$.size").isEqualTo(1);
        f.viewer().get().uri("/api/invoices?dueFrom={from}&dueTo={to}", TODAY.minusDays(20), TODAY.minusDays(7)).exchange()
                .expectBody().jsonPath("$.items[*].number").isEqualTo(List.of("PEND-1", "PAID-1"));
        f.viewer().get().uri("/api/invoices?dueDate={d}", TODAY.plusDays(5)).exchange()
                .expectBody().jsonPath("$.items[*].number").isEqualTo(List.of("OPEN-1"));
        f.viewer().get().uri("/api/invoices?year={y}&month={m}", TODAY.getYear(), TODAY.getMonthValue()).exchange()
                .expectBody().jsonPath("$.totalItems").isEqualTo(0);
    }

    @Test
    void bad_list_parameters_are_400_problems_naming_the_parameter() {
        var account = newAccount();
        var viewer = portal(account, "INVOICES_VIEW");
        for (String[] bad : new String[][]{{"sort=amount,desc", "sort"}, {"sort=dueDate,up", "sort"}, {"size=0", "size"},
                {"size=501", "size"}, {"size=abc", "size"}, {"page=-1", "page"}, {"page=x", "page"}, {"status=LATE", "status"},
                {"month=13&year=2026", "month"}, {"month=3", "year"}, {"dueFrom=2026-13-01", "dueFrom"}, {"year=abc", "year"}}) {
            viewer.get().uri("/api/invoices?" + bad[0]).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).contains(bad[1]));
        }
        viewer.get().uri("/api/invoices?size=500&page=0&sort=issueDate").exchange().expectStatus().isOk();
    }

    @Test
    void the_summary_lists_every_status_with_count_amount_and_amount_due() {
        var f = accountWithEveryStatus();
        f.viewer().get().uri("/api/invoices/summary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[0].status").isEqualTo("OPEN").jsonPath("$[0].count").isEqualTo(1).jsonPath("$[0].amount").isEqualTo(100.00)
                .jsonPath("$[1].status").isEqualTo("PENDING").jsonPath("$[1].amountDue").isEqualTo(150.00)
                .jsonPath("$[2].status").isEqualTo("INSTALLMENT").jsonPath("$[2].amount").isEqualTo(300.00)
                .jsonPath("$[3].status").isEqualTo("PAID").jsonPath("$[3].amountDue").isEqualTo(0.00);
    }

    @Test
    void the_detail_has_services_and_the_status_detail_of_its_status() {
        var f = accountWithEveryStatus();
        var v = f.viewer();
        v.get().uri("/api/invoices/OPEN-1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.services[0].designation").isEqualTo("LINK-OPEN-1")
                .jsonPath("$.services[0].serviceType").isEqualTo("Link Dedicado")
                .jsonPath("$.services[0].amount").isEqualTo(100.00)
                .jsonPath("$.statusDetail.dueDate").isEqualTo(TODAY.plusDays(5).toString())
                .jsonPath("$.statusDetail.daysUntilDue").isEqualTo(5)
                .jsonPath("$.statusDetail.amountDue").doesNotExist();
        v.get().uri("/api/invoices/PEND-1").exchange().expectBody()
                .jsonPath("$.statusDetail.daysOverdue").isEqualTo(7)
                .jsonPath("$.statusDetail.amountDue").isEqualTo(150.00)
                .jsonPath("$.statusDetail.dueDate").isEqualTo(TODAY.minusDays(7).toString());
        v.get().uri("/api/invoices/PAID-1").exchange().expectBody()
                .jsonPath("$.statusDetail.paidOn").isEqualTo(TODAY.minusDays(22).toString())
                .jsonPath("$.statusDetail.amountPaid").isEqualTo(400.00)
                .jsonPath("$.amountDue").isEqualTo(0.00);
        v.get().uri("/api/invoices/NEG-INV").exchange().expectBody()
                .jsonPath("$.status").isEqualTo("INSTALLMENT")
                .jsonPath("$.statusDetail.negotiationId").isEqualTo("NEG-9")
                .jsonPath("$.statusDetail.agreedOn").isEqualTo(TODAY.minusDays(30).toString())
                .jsonPath("$.statusDetail.installmentCount").isEqualTo(3)
                .jsonPath("$.statusDetail.negotiatedInvoices[0].number").isEqualTo("NEG-INV")
                .jsonPath("$.statusDetail.negotiatedInvoices[0].amountDue").isEqualTo(300.00)
                .jsonPath("$.statusDetail.installments[*].status").isEqualTo(List.of("PAID", "OVERDUE", "OPEN"))
                .jsonPath("$.statusDetail.installments[0].paidOn").isEqualTo(TODAY.minusDays(21).toString())
                .jsonPath("$.statusDetail.installments[1].paidOn").isEmpty();
        v.get().uri("/api/invoices/NOPE").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        v.get().uri("/api/invoices/{n}", "bad number!").exchange().expectStatus().isNotFound();
        v.get().uri("/api/invoices/OPEN-1/services/LINK-OPEN-1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].description").isEqualTo("Mensalidade LINK-OPEN-1")
                .jsonPath("$.items[0].periodStart").isEqualTo("2026-02-01");
        v.get().uri("/api/invoices/OPEN-1/services/OTHER").exchange().expectStatus().isNotFound();
        v.get().uri("/api/negotiations/NEG-9").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.installments.length()").isEqualTo(3);
        v.get().uri("/api/negotiations/NEG-0").exchange().expectStatus().isNotFound();
    }

    @Test
    void another_accounts_invoice_is_404_everywhere() {
        var f = accountWithEveryStatus();
        var stranger = newAccount();
        var other = portal(stranger, "INVOICES_VIEW", "INVOICES_BOLETO", "INVOICES_NOTA_FISCAL");
        for (String path : List.of("/api/invoices/OPEN-1", "/api/invoices/OPEN-1/boleto", "/api/invoices/OPEN-1/services/LINK-OPEN-1",
                "/api/invoices/OPEN-1/services/export?format=csv", "/api/invoices/PAID-1/nota-fiscal", "/api/negotiations/NEG-9",
                "/api/negotiations/NEG-9/export?format=csv")) {
            other.get().uri(path).exchange().expectStatus().isNotFound();
        }
        other.get().uri("/api/invoices").exchange().expectBody().jsonPath("$.totalItems").isEqualTo(0);
    }

    @Test
    void each_endpoint_needs_its_functionality() {
        var f = accountWithEveryStatus();
        var boletoOnly = portal(f.account(), "INVOICES_BOLETO");
        boletoOnly.get().uri("/api/invoices/OPEN-1/boleto").exchange().expectStatus().isOk();
        boletoOnly.get().uri("/api/invoices").exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        f.viewer().get().uri("/api/invoices/OPEN-1/boleto").exchange().expectStatus().isForbidden();
        f.viewer().get().uri("/api/invoices/PAID-1/nota-fiscal").exchange().expectStatus().isForbidden();
        portal(f.account(), "INVOICES_NOTA_FISCAL").get().uri("/api/invoices/PAID-1/nota-fiscal").exchange().expectStatus().isNotFound();
        web.get().uri("/api/invoices").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void the_boleto_answers_json_or_a_pdf_and_refuses_paid_and_installment_invoices() {
        var f = accountWithEveryStatus();
        var payer = portal(f.account(), "INVOICES_BOLETO");
        payer.get().uri("/api/invoices/PEND-1/boleto").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.bankCode").isEqualTo("001")
                .jsonPath("$.amount").isEqualTo(150.00)
                .jsonPath("$.dueDate").isEqualTo(TODAY.minusDays(7).toString())
                .jsonPath("$.barcode").value(b -> assertThat((String) b).hasSize(44).contains("0000015000"))
                .jsonPath("$.digitableLine").value(l -> assertThat((String) l).hasSize(47))
                .jsonPath("$.beneficiary.name").isEqualTo("M2M Telecomunicações S.A.")
                .jsonPath("$.beneficiary.cnpj").isEmpty()
                .jsonPath("$.payer.cnpj").value(c -> assertThat((String) c).hasSize(14))
                .jsonPath("$.ourNumber").value(o -> assertThat((String) o).hasSize(17));
        byte[] pdf = payer.get().uri("/api/invoices/PEND-1/boleto").accept(MediaType.APPLICATION_PDF).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        payer.get().uri("/api/invoices/PAID-1/boleto").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        payer.get().uri("/api/invoices/NEG-INV/boleto").accept(MediaType.APPLICATION_PDF).exchange().expectStatus().isEqualTo(409);

        // FEBRABAN's 10 amount digits end at R$ 99.999.999,99: a larger invoice has no boleto, and says so
        registerInvoice(f.acc(), "HUGE-1", TODAY.plusDays(5), "100000000.00");
        awaitInvoice(f.acc(), "HUGE-1");
        payer.get().uri("/api/invoices/HUGE-1/boleto").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_nota_fiscal_is_a_zip_attachment_with_the_xml_byte_for_byte_and_a_pdf() throws Exception {
        var f = accountWithEveryStatus();
        String key = accessKey("11222333000181", 555);
        String xml = nfXml(key, 555);
        Map<String, Object> body = new HashMap<>(Map.of("accountId", f.acc(), "invoiceNumber", "PAID-1", "number", "555",
                "series", "1", "accessKey", key, "issuedOn", "2026-03-01", "xml", xml));
        ingest("/api/ingest/notas-fiscais", body).expectStatus().isCreated();
        var nf = portal(f.account(), "INVOICES_NOTA_FISCAL");
        byte[] zip = null;
        for (int i = 0; i < 100; i++) {
            var result = nf.get().uri("/api/invoices/PAID-1/nota-fiscal").exchange().expectBody(byte[].class).returnResult();
            if (result.getStatus().is2xxSuccessful()) {
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
                assertThat(result.getResponseHeaders().getContentDisposition().getType()).isEqualTo("attachment");
                assertThat(result.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("nota-fiscal-PAID-1.zip");
                zip = result.getResponseBody();
                break;
            }
            sleep(30);
        }
        assertThat(zip).isNotNull();
        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
        }
        assertThat(entries.get("NFe" + key + ".xml")).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(entries.keySet()).anyMatch(n -> n.endsWith(".pdf"));
        nf.get().uri("/api/invoices/OPEN-1/nota-fiscal").exchange().expectStatus().isNotFound();
    }

    @Test
    void services_and_negotiations_export_as_csv_or_xlsx_attachments() throws Exception {
        var f = accountWithEveryStatus();
        var csv = f.viewer().get().uri("/api/invoices/OPEN-1/services/export?format=csv").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();
        assertThat(csv.getResponseHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(csv.getResponseHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        String text = new String(csv.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFDesignação;Tipo de Serviço;Descrição;Início do Período;Fim do Período;Valor\r\n")
                .contains("LINK-OPEN-1;Link Dedicado;Mensalidade LINK-OPEN-1;01/02/2026;28/02/2026;100,00");

        byte[] xlsx = f.viewer().get().uri("/api/negotiations/NEG-9/export?format=xlsx").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Parcela");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Paga");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Vencida");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("Em aberto");
            assertThat(sheet.getRow(1).getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY.minusDays(21));
        }
        String negotiationCsv = new String(f.viewer().get().uri("/api/negotiations/NEG-9/export?format=csv").exchange()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(negotiationCsv).contains("Parcela;Vencimento;Valor;Status;Pago em").contains(";160,00;Vencida;");
        f.viewer().get().uri("/api/invoices/OPEN-1/services/export?format=pdf").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        f.viewer().get().uri("/api/negotiations/NEG-9/export?format=ods").exchange().expectStatus().isBadRequest();
        f.viewer().get().uri("/api/invoices/NOPE/services/export?format=csv").exchange().expectStatus().isNotFound();
    }
}
