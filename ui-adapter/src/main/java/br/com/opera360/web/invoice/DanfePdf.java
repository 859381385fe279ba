package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;

/** A simple DANFE-style page from the NF-e XML's main fields; the stored fields fill in what the XML lacks. */
final class DanfePdf {
    private DanfePdf() {
    }

    static byte[] render(NotaFiscalDocument nf) {
        var fields = NotaFiscalXml.read(nf.xml());
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("DANFE " + nf.number());
        document.open();
        document.add(Pdfs.title("DANFE — Documento Auxiliar da Nota Fiscal Eletrônica"));
        var table = Pdfs.table(4);
        table.addCell(Pdfs.cell("Número", or(fields.number(), nf.number()), 1));
        table.addCell(Pdfs.cell("Série", or(fields.series(), nf.series()), 1));
        table.addCell(Pdfs.cell("Emissão", or(fields.issuedAt(), Pdfs.date(nf.issuedOn())), 1));
        table.addCell(Pdfs.cell("Fatura", nf.invoiceNumber(), 1));
        table.addCell(Pdfs.cell("Chave de acesso", groups(nf.accessKey()), 4));
        if (fields.operation() != null) table.addCell(Pdfs.cell("Natureza da operação", fields.operation(), 4));
        if (fields.issuer() != null) {
            table.addCell(Pdfs.cell("Emitente", fields.issuer().name(), 3));
            table.addCell(Pdfs.cell("CNPJ/CPF", Pdfs.cnpj(fields.issuer().document()), 1));
        }
        if (fields.recipient() != null) {
            table.addCell(Pdfs.cell("Destinatário", fields.recipient().name(), 3));
            table.addCell(Pdfs.cell("CNPJ/CPF", Pdfs.cnpj(fields.recipient().document()), 1));
        }
        document.add(table);
        if (!fields.items().isEmpty()) {
            document.add(new Paragraph(" "));
            var items = Pdfs.table(4);
            for (var item : fields.items()) {
                items.addCell(Pdfs.cell("Descrição do produto/serviço", item.description(), 3));
                items.addCell(Pdfs.cell("Valor", item.amount(), 1));
            }
            document.add(items);
        }
        if (fields.total() != null) {
            var total = Pdfs.table(4);
            total.addCell(Pdfs.cell("Valor total da nota", fields.total(), 4));
            document.add(total);
        }
        document.close();
        return out.toByteArray();
    }

    private static String or(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static String groups(String key) {
        return key.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
