package br.com.opera360.web.invoice;

import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import br.com.opera360.kernel.negotiation.NegotiationDetails;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The files the portal hands out: spreadsheets read back with POI, PDFs and the Nota Fiscal zip opened. */
class DocumentsTest {
    static final InvoiceItems ITEMS = new InvoiceItems("F-1", List.of(
            new InvoiceItems.Line("LINK-01", "Link Dedicado", "Mensalidade; fevereiro", new BigDecimal("2255.69"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
            new InvoiceItems.Line("LINK-01", "Link Dedicado", "Desconto \"fidelidade\"", new BigDecimal("-10.00"), null, null)));

    static final NegotiationDetails NEGOTIATION = new NegotiationDetails("NEG-1", LocalDate.of(2026, 1, 5), 3, List.of(),
            List.of(new NegotiationDetails.InstallmentDetails(1, LocalDate.of(2026, 2, 5), new BigDecimal("1000.00"), InstallmentStatus.PAID, LocalDate.of(2026, 2, 4)),
                    new NegotiationDetails.InstallmentDetails(2, LocalDate.of(2026, 3, 5), new BigDecimal("1000.00"), InstallmentStatus.OVERDUE, null),
                    new NegotiationDetails.InstallmentDetails(3, LocalDate.of(2026, 4, 5), new BigDecimal("1000.00"), InstallmentStatus.OPEN, null)));

    @Test
    void the_services_csv_has_a_bom_semicolons_pt_br_dates_and_amounts() {
        String csv = new String(Sheets.invoiceServices(ITEMS).bytes(ExportFormat.CSV), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        var lines = csv.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("Designação;Tipo de Serviço;Descrição;Início do Período;Fim do Período;Valor");
        assertThat(lines[1]).isEqualTo("LINK-01;Link Dedicado;\"Mensalidade; fevereiro\";01/02/2026;28/02/2026;2.255,69");
        assertThat(lines[2]).isEqualTo("LINK-01;Link Dedicado;\"Desconto \"\"fidelidade\"\"\";;;-10,00");
    }

    @Test
    void the_negotiation_csv_shows_pt_br_installment_labels() {
        String csv = new String(Sheets.negotiation(NEGOTIATION).bytes(ExportFormat.CSV), StandardCharsets.UTF_8);
        var lines = csv.substring(1).split("\r\n");
        assertThat(lines).containsExactly("Parcela;Vencimento;Valor;Status;Pago em",
                "1;05/02/2026;1.000,00;Paga;04/02/2026", "2;05/03/2026;1.000,00;Vencida;", "3;05/04/2026;1.000,00;Em aberto;");
    }

    @Test
    void the_xlsx_has_one_header_row_real_dates_and_currency_cells() throws Exception {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(Sheets.invoiceServices(ITEMS).bytes(ExportFormat.XLSX)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            var header = sheet.getRow(0);
            assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(i -> header.getCell(i).getStringCellValue()))
                    .containsExactly("Designação", "Tipo de Serviço", "Descrição", "Início do Período", "Fim do Período", "Valor");
            var row = sheet.getRow(1);
            assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(2255.69);
            assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("R$ #,##0.00");
            assertThat(sheet.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(-10.0);
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(Sheets.negotiation(NEGOTIATION).bytes(ExportFormat.XLSX)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Pago em");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Paga");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Vencida");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("Em aberto");
        }
    }

    @Test
    void the_boleto_pdf_is_a_pdf_with_the_line_and_both_parties() {
        var boleto = new BoletoDetails(InvoiceStatus.OPEN, "123456", "001", "00190000090281654100000123456189111790000225569",
                "00191117900002255690000002816541000012345618", new BigDecimal("2255.69"), LocalDate.of(2026, 3, 15),
                new BoletoDetails.Party("M2M Telecomunicações S.A.", "11222333000181"), new BoletoDetails.Party("Cliente Ltda", "11444777000161"),
                "28165410000123456", null);
        byte[] pdf = BoletoPdf.render(boleto);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(1500);
        assertThat(BoletoPdf.formatLine(boleto.digitableLine())).isEqualTo("00190.00009 02816.541000 00123.456189 1 11790000225569");
    }

    @Test
    void the_nota_fiscal_zip_holds_the_xml_byte_for_byte_and_a_danfe_pdf() throws Exception {
        String key = InvoiceApiSupport.accessKey("11222333000181", 77);
        String xml = InvoiceApiSupport.nfXml(key, 77);
        var nf = new NotaFiscalDocument("F-1", "77", "1", key, LocalDate.of(2026, 3, 1), xml);
        Map<String, byte[]> entries = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(NotaFiscalZip.of(nf)))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.put(e.getName(), zip.readAllBytes());
        }
        assertThat(entries).containsOnlyKeys("NFe" + key + ".xml", "DANFE-77.pdf");
        assertThat(entries.get("NFe" + key + ".xml")).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(entries.get("DANFE-77.pdf"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var fields = NotaFiscalXml.read(xml);
        assertThat(fields.number()).isEqualTo("77");
        assertThat(fields.issuer().name()).isEqualTo("M2M Telecomunicações S.A.");
        assertThat(fields.recipient().name()).isEqualTo("Cliente & Cia Ltda");
        assertThat(fields.total()).isEqualTo("1500.00");
    }

    @Test
    void an_xml_with_a_doctype_is_refused_as_not_well_formed_input() {
        assertThat(NotaFiscalXml.isWellFormed("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")).isFalse();
        assertThat(NotaFiscalXml.isWellFormed("<x><y/></x>")).isTrue();
    }
}
