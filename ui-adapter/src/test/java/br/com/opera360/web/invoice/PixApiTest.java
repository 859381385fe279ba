package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static br.com.opera360.testing.IngestBodies.payment;
import static br.com.opera360.testing.IngestBodies.negotiation;
import static br.com.opera360.testing.IngestBodies.installment;
import static br.com.opera360.testing.IngestBodies.installmentPayment;
import static org.assertj.core.api.Assertions.assertThat;

/** Pix by the portal, signed in for real: BR Code JSON, QR code images, the boleto híbrido, rights and tenancy. */
class PixApiTest extends InvoiceApiSupport {
    static final String DEMO_KEY = "b424284a-8d00-4df3-a5fb-5cc996e85f2d"; // application.yml, embedded mode
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private record Fixture(TestAccount account, String acc, WebTestClient payer) {
    }

    /** OPEN, PENDING with a partial payment, PAID, and a negotiation whose first installment is paid. */
    private Fixture account() {
        var account = newAccount();
        String acc = account.accountId();
        registerInvoice(acc, "OPEN-1", TODAY.plusDays(5), "100.00");
        registerInvoice(acc, "PEND-1", TODAY.minusDays(7), "200.00");
        ingest("/api/ingest/payments", payment(acc, "PEND-1", "50.00", TODAY.minusDays(1))).expectStatus().isCreated();
        registerInvoice(acc, "PAID-1", TODAY.minusDays(20), "400.00");
        ingest("/api/ingest/payments", payment(acc, "PAID-1", "400.00", TODAY.minusDays(22))).expectStatus().isCreated();
        registerInvoice(acc, "NEG-INV", TODAY.minusDays(60), "300.00");
        ingest("/api/ingest/negotiations", negotiation(acc, "NEG-9", List.of("NEG-INV"), TODAY.minusDays(30), List.of(
                installment(1, TODAY.minusDays(20), "160.00"), installment(2, TODAY.minusDays(2), "160.00"),
                installment(3, TODAY.plusDays(10), "160.00")))).expectStatus().isCreated();
        ingest("/api/ingest/installment-payments", installmentPayment(acc, "NEG-9", 1, "160.00", TODAY.minusDays(21))).expectStatus().isCreated();
        awaitInvoice(acc, "PAID-1", d -> d.status() == InvoiceStatus.PAID);
        awaitInvoice(acc, "PEND-1", d -> d.amountDue().compareTo(new BigDecimal("150.00")) == 0);
        awaitInvoice(acc, "NEG-INV", d -> d.negotiation() != null && d.negotiation().installments().get(0).paidOn() != null);
        awaitInvoice(acc, "OPEN-1");
        return new Fixture(account, acc, portal(account, "INVOICES_BOLETO"));
    }

    private static Map<String, Object> json(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk()
                     .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                     .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                     }).returnResult().getResponseBody();
    }

    @Test
    void an_unpaid_invoice_has_a_br_code_for_its_current_amount_due() {
        var f = account();
        var pending = json(f.payer(), "/api/invoices/PEND-1/pix");
        assertThat(pending).containsOnlyKeys("brCode", "txid", "amount", "key", "merchantName", "merchantCity");
        assertThat(pending).containsEntry("amount", 150.0).containsEntry("key", DEMO_KEY)
                .containsEntry("merchantName", "M2M Telecomunicacoes").containsEntry("merchantCity", "Sao Paulo");
        String txid = (String) pending.get("txid");
        String brCode = (String) pending.get("brCode");
        assertThat(txid).matches("[0-9A-Z]{25}");
        assertThat(brCode).startsWith("000201").contains("0014br.gov.bcb.pix0136" + DEMO_KEY, "5406150.00", "5802BR",
                "5920M2M Telecomunicacoes", "6009Sao Paulo", "62290525" + txid).containsPattern("6304[0-9A-F]{4}$");

        var open = json(f.payer(), "/api/invoices/OPEN-1/pix");
        assertThat(open).containsEntry("amount", 100.0);
        assertThat((String) open.get("txid")).isNotEqualTo(txid);
        assertThat((String) open.get("brCode")).contains("5406100.00");
        assertThat(json(f.payer(), "/api/invoices/PEND-1/pix")).isEqualTo(pending); // the same charge, the same code

        // a further payment changes the amount due, and so the code
        ingest("/api/ingest/payments", payment(f.acc(), "PEND-1", "49.90", TODAY)).expectStatus().isCreated();
        awaitInvoice(f.acc(), "PEND-1", d -> d.amountDue().compareTo(new BigDecimal("100.10")) == 0);
        var after = json(f.payer(), "/api/invoices/PEND-1/pix");
        assertThat(after).containsEntry("amount", 100.1).containsEntry("txid", txid);
        assertThat((String) after.get("brCode")).contains("5406100.10");
    }

    @Test
    void the_qr_code_comes_as_png_or_svg_and_decodes_back_to_the_br_code() throws Exception {
        var f = account();
        String brCode = (String) json(f.payer(), "/api/invoices/OPEN-1/pix").get("brCode");
        byte[] png = f.payer().get().uri("/api/invoices/OPEN-1/pix").accept(MediaType.IMAGE_PNG).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(QrReader.fromPng(png)).isEqualTo(brCode);
        byte[] svg = f.payer().get().uri("/api/invoices/OPEN-1/pix").accept(SVG).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(SVG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(QrReader.fromSvg(new String(svg, StandardCharsets.UTF_8))).isEqualTo(brCode);

        String installment = (String) json(f.payer(), "/api/negotiations/NEG-9/installments/3/pix").get("brCode");
        byte[] installmentPng = f.payer().get().uri("/api/negotiations/NEG-9/installments/3/pix").accept(MediaType.IMAGE_PNG)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(QrReader.fromPng(installmentPng)).isEqualTo(installment);
    }

    @Test
    void an_unpaid_installment_has_a_br_code_for_its_amount_and_a_paid_one_is_409() {
        var f = account();
        var overdue = json(f.payer(), "/api/negotiations/NEG-9/installments/2/pix");
        var open = json(f.payer(), "/api/negotiations/NEG-9/installments/3/pix");
        assertThat(overdue).containsEntry("amount", 160.0).containsEntry("key", DEMO_KEY);
        assertThat((String) overdue.get("brCode")).contains("5406160.00", "0525" + overdue.get("txid"));
        assertThat(List.of(overdue.get("txid"), open.get("txid"))).doesNotHaveDuplicates();

        f.payer().get().uri("/api/negotiations/NEG-9/installments/1/pix").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("parcela 1", "já está paga"));
        for (String path : List.of("/api/negotiations/NEG-9/installments/4/pix", "/api/negotiations/NEG-9/installments/0/pix",
                "/api/negotiations/NEG-9/installments/x/pix", "/api/negotiations/NEG-0/installments/1/pix")) {
            f.payer().get().uri(path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void paid_and_negotiated_invoices_have_no_pix_as_they_have_no_boleto() {
        var f = account();
        f.payer().get().uri("/api/invoices/PAID-1/pix").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("já está paga"));
        f.payer().get().uri("/api/invoices/NEG-INV/pix").accept(MediaType.IMAGE_PNG).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("parcelada"));
        f.payer().get().uri("/api/invoices/NOPE/pix").exchange().expectStatus().isNotFound();
        f.payer().get().uri("/api/invoices/{n}/pix", "bad number!").exchange().expectStatus().isNotFound();
    }

    @Test
    void pix_needs_invoices_boleto_and_another_accounts_charges_are_404() {
        var f = account();
        var viewer = portal(f.account(), "INVOICES_VIEW");
        for (String path : List.of("/api/invoices/OPEN-1/pix", "/api/negotiations/NEG-9/installments/2/pix")) {
            viewer.get().uri(path).exchange().expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            viewer.get().uri(path).accept(MediaType.IMAGE_PNG).exchange().expectStatus().isForbidden();
            web.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        var stranger = portal(newAccount(), "INVOICES_VIEW", "INVOICES_BOLETO");
        for (String path : List.of("/api/invoices/OPEN-1/pix", "/api/negotiations/NEG-9/installments/2/pix")) {
            stranger.get().uri(path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            stranger.get().uri(path).accept(MediaType.IMAGE_PNG).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void the_boleto_is_hybrid_its_json_carries_the_pix_and_its_pdf_shows_the_qr_code_and_the_code() throws Exception {
        var f = account();
        var pix = json(f.payer(), "/api/invoices/PEND-1/pix");
        f.payer().get().uri("/api/invoices/PEND-1/boleto").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.digitableLine").value(l -> assertThat((String) l).hasSize(47))
                .jsonPath("$.pix.brCode").isEqualTo(pix.get("brCode"))
                .jsonPath("$.pix.txid").isEqualTo(pix.get("txid"))
                .jsonPath("$.pix.amount").isEqualTo(150.00)
                .jsonPath("$.pix.key").isEqualTo(DEMO_KEY)
                .jsonPath("$.pix.merchantName").isEqualTo("M2M Telecomunicacoes")
                .jsonPath("$.pix.merchantCity").isEqualTo("Sao Paulo");
        byte[] pdf = f.payer().get().uri("/api/invoices/PEND-1/boleto").accept(MediaType.APPLICATION_PDF).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(QrReader.fromPdf(pdf)).isEqualTo(pix.get("brCode"));
        String text = QrReader.pdfText(pdf);
        assertThat(text).contains("Pix Copia e Cola");
        assertThat(text.replaceAll("\\s", "")).contains(((String) pix.get("brCode")).replaceAll("\\s", ""));
    }

    @Test
    void an_issuer_override_changes_the_receiver_and_an_issuer_without_pix_gets_409_and_a_plain_boleto() {
        var account = newAccount();
        String acc = account.accountId();
        var own = invoice(acc, "OWN-1", TODAY.plusDays(3), "75.50");
        own.put("issuerCnpj", ISSUER_WITH_OWN_PIX);
        ingest("/api/ingest/invoices", own).expectStatus().isCreated();
        var without = invoice(acc, "NOPIX-1", TODAY.plusDays(3), "80.00");
        without.put("issuerCnpj", ISSUER_WITHOUT_PIX);
        ingest("/api/ingest/invoices", without).expectStatus().isCreated();
        awaitInvoice(acc, "OWN-1");
        awaitInvoice(acc, "NOPIX-1");
        var payer = portal(account, "INVOICES_BOLETO");

        var pix = json(payer, "/api/invoices/OWN-1/pix");
        assertThat(pix).containsEntry("key", "pix@outra-emissora.com.br").containsEntry("merchantName", "Outra Emissora S.A.")
                .containsEntry("merchantCity", "Sao Paulo").containsEntry("amount", 75.5);

        payer.get().uri("/api/invoices/NOPIX-1/pix").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("Pix não está disponível"));
        payer.get().uri("/api/invoices/NOPIX-1/boleto").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.digitableLine").value(l -> assertThat((String) l).hasSize(47))
                .jsonPath("$.pix").isEmpty();
        byte[] pdf = payer.get().uri("/api/invoices/NOPIX-1/boleto").accept(MediaType.APPLICATION_PDF).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void the_openapi_document_lists_both_pix_endpoints() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
           .jsonPath("$.paths['/api/invoices/{number}/pix'].get").exists()
           .jsonPath("$.paths['/api/negotiations/{id}/installments/{n}/pix'].get").exists()
           .jsonPath("$.paths['/api/invoices/{number}/pix'].get.responses['200'].content['image/png']").exists()
           .jsonPath("$.components.schemas.PixDetails.properties.brCode").exists();
    }
}
