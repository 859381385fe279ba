package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.PixDetails;
import br.com.opera360.kernel.invoice.PixReceiver;
import br.com.opera360.kernel.invoice.PixTxid;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code and the boleto híbrido read back with ZXing's reader, as a bank app would. */
class PixQrCodeTest {
    static final String MANUAL_EXAMPLE = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
            + "5913Fulano de Tal6008BRASILIA62070503***63041D3D";
    static final PixDetails PIX = PixDetails.of(new PixReceiver("b424284a-8d00-4df3-a5fb-5cc996e85f2d", "M2M Telecomunicações",
            "São Paulo"), new BigDecimal("2255.69"), new PixTxid("ABCDEF0123456789ABCDEF012"));

    @Test
    void the_png_decodes_back_to_the_payload() throws Exception {
        byte[] png = PixQrCode.png(MANUAL_EXAMPLE);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(QrReader.fromPng(png)).isEqualTo(MANUAL_EXAMPLE);
        assertThat(QrReader.fromPng(PixQrCode.png(PIX.brCode()))).isEqualTo(PIX.brCode());
    }

    @Test
    void the_svg_is_well_formed_and_decodes_back_to_the_payload() throws Exception {
        String svg = PixQrCode.svg(PIX.brCode());
        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(QrReader.fromSvg(svg)).isEqualTo(PIX.brCode());
    }

    @Test
    void the_qr_code_keeps_a_quiet_zone_of_four_modules() {
        var m = PixQrCode.modules(PIX.brCode());
        for (int i = 0; i < m.getWidth(); i++) {
            for (int q = 0; q < 4; q++) {
                assertThat(m.get(i, q) || m.get(q, i) || m.get(i, m.getHeight() - 1 - q) || m.get(m.getWidth() - 1 - q, i)).isFalse();
            }
        }
        assertThat(m.get(4, 4)).isTrue(); // the finder pattern starts right after it
    }

    @Test
    void the_boleto_hibrido_pdf_shows_a_scannable_qr_code_and_the_copy_and_paste_code() throws Exception {
        var boleto = new br.com.opera360.kernel.invoice.BoletoDetails(br.com.opera360.kernel.invoice.InvoiceStatus.OPEN, "123456", "001",
                "00190000090281654100000123456189111790000225569", "00191117900002255690000002816541000012345618",
                new BigDecimal("2255.69"), java.time.LocalDate.of(2026, 3, 15),
                new br.com.opera360.kernel.invoice.BoletoDetails.Party("M2M Telecomunicações S.A.", "11222333000181"),
                new br.com.opera360.kernel.invoice.BoletoDetails.Party("Cliente Ltda", "11444777000161"), "28165410000123456", PIX);
        byte[] pdf = BoletoPdf.render(boleto);
        assertThat(QrReader.fromPdf(pdf)).isEqualTo(PIX.brCode());
        String text = QrReader.pdfText(pdf);
        assertThat(text).contains("Pix Copia e Cola").contains("00190.00009 02816.541000 00123.456189 1 11790000225569");
        assertThat(text.replaceAll("\\s", "")).contains(PIX.brCode().replaceAll("\\s", ""));
    }

    @Test
    void the_accept_header_chooses_json_png_or_svg() {
        assertThat(PixFormat.of(List.of())).isEqualTo(PixFormat.JSON);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("*/*"))).isEqualTo(PixFormat.JSON);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("image/png"))).isEqualTo(PixFormat.PNG);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("image/*"))).isEqualTo(PixFormat.PNG);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("image/svg+xml"))).isEqualTo(PixFormat.SVG);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("application/json;q=0.5, image/svg+xml"))).isEqualTo(PixFormat.SVG);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("image/png, image/svg+xml"))).isEqualTo(PixFormat.PNG);
        assertThat(PixFormat.of(MediaType.parseMediaTypes("text/html"))).isEqualTo(PixFormat.JSON);
    }
}
