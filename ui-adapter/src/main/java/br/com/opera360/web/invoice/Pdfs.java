package br.com.opera360.web.invoice;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the boleto and the DANFE pages share: pt-BR formats and a labelled cell. */
final class Pdfs {
    static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    static final Font LABEL = new Font(Font.HELVETICA, 7, Font.NORMAL);
    static final Font VALUE = new Font(Font.HELVETICA, 10, Font.NORMAL);
    static final Font STRONG = new Font(Font.HELVETICA, 11, Font.BOLD);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Pdfs() {
    }

    static String brl(BigDecimal amount) {
        if (amount == null) return "";
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pt-BR")));
        return "R$ " + format.format(amount);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String cnpj(String cnpj) {
        if (cnpj == null || cnpj.length() != 14) return cnpj == null ? "" : cnpj;
        return cnpj.substring(0, 2) + "." + cnpj.substring(2, 5) + "." + cnpj.substring(5, 8) + "/" + cnpj.substring(8, 12)
                + "-" + cnpj.substring(12);
    }

    static PdfPCell cell(String label, String value, int colspan) {
        var phrase = new Phrase();
        phrase.add(new Phrase(label + "\n", LABEL));
        phrase.add(new Phrase(value == null ? "" : value, VALUE));
        var cell = new PdfPCell(phrase);
        cell.setColspan(colspan);
        cell.setPadding(4);
        return cell;
    }

    static PdfPTable table(int columns) {
        var table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        return table;
    }

    static Paragraph title(String text) {
        var p = new Paragraph(text, TITLE);
        p.setAlignment(Element.ALIGN_LEFT);
        p.setSpacingAfter(8);
        return p;
    }

    static void add(Document document, Element element) {
        document.add(element);
    }
}
