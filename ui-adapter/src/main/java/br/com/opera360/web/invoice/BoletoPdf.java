package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.BoletoDetails;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BarcodeInter25;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;

/**
 * A printable boleto (ficha de compensação): bank, digitable line, beneficiary and payer with CNPJ, due date, amount
 * and the 44-digit barcode drawn as ITF (interleaved 2 of 5), as FEBRABAN prescribes, by OpenPDF's BarcodeInter25;
 * with Pix configured, the QR code and the Pix Copia e Cola beside it (boleto híbrido, {@link BoletoPix}).
 */
final class BoletoPdf {
    private BoletoPdf() {
    }

    static byte[] render(BoletoDetails boleto) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 36, 36, 36, 36);
        var writer = PdfWriter.getInstance(document, out);
        document.addTitle("Boleto da fatura " + boleto.invoiceNumber());
        document.open();
        document.add(Pdfs.title("Banco do Brasil | " + boleto.bankCode() + "-9"));
        var line = new Paragraph(formatLine(boleto.digitableLine()), Pdfs.STRONG);
        line.setAlignment(Element.ALIGN_RIGHT);
        line.setSpacingAfter(8);
        document.add(line);

        var table = Pdfs.table(4);
        table.addCell(Pdfs.cell("Local de pagamento", "Pagável em qualquer banco até o vencimento", 3));
        table.addCell(Pdfs.cell("Vencimento", Pdfs.date(boleto.dueDate()), 1));
        var beneficiary = boleto.beneficiary();
        table.addCell(Pdfs.cell("Beneficiário", beneficiary.name() + (beneficiary.cnpj() == null ? "" : " — CNPJ " + Pdfs.cnpj(beneficiary.cnpj())), 3));
        table.addCell(Pdfs.cell("Nosso número", boleto.ourNumber(), 1));
        table.addCell(Pdfs.cell("Número do documento", boleto.invoiceNumber(), 2));
        table.addCell(Pdfs.cell("Espécie", "R$", 1));
        table.addCell(Pdfs.cell("(=) Valor do documento", Pdfs.brl(boleto.amount()), 1));
        var payer = boleto.payer();
        table.addCell(Pdfs.cell("Pagador", payer == null ? "" : payer.name() + " — CNPJ " + Pdfs.cnpj(payer.cnpj()), 4));
        document.add(table);

        var barcode = new BarcodeInter25();
        barcode.setCode(boleto.barcode());
        barcode.setGenerateChecksum(false); // the 44 digits already carry FEBRABAN's check digit
        barcode.setFont(null);
        // FEBRABAN: narrow bar about 0.25 mm (0.72 pt), wide bars 3 × narrow, about 13 mm (37 pt) high
        barcode.setN(3);
        barcode.setX(0.75f);
        barcode.setBarHeight(37f);
        var image = barcode.createImageWithBarcode(writer.getDirectContent(), null, null);
        if (boleto.pix() == null) {
            // added as a block of its own: as a chunk on a line it would rise into the table above
            image.setSpacingBefore(16);
            image.setSpacingAfter(4);
            document.add(image);
        } else {
            document.add(BoletoPix.beside(image, boleto.pix()));
        }
        var footer = new Paragraph("Ficha de Compensação", Pdfs.LABEL);
        footer.setAlignment(Element.ALIGN_RIGHT);
        document.add(footer);
        document.close();
        return out.toByteArray();
    }

    /** 00190.00009 01014.051005 00066.673179 9 71340000010000, as printed on boletos. */
    static String formatLine(String line) {
        return line.substring(0, 5) + "." + line.substring(5, 10) + " " + line.substring(10, 15) + "." + line.substring(15, 21)
                + " " + line.substring(21, 26) + "." + line.substring(26, 32) + " " + line.charAt(32) + " " + line.substring(33);
    }
}
