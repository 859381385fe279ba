package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.PixDetails;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Pix half of a boleto híbrido: the ITF barcode on the left, the QR code on the right, and the Pix Copia e Cola
 * under both, in a fixed-width font so that a person can read and type it.
 */
final class BoletoPix {
    static final float QR_SIZE = 110f;
    private static final Font CODE = new Font(Font.COURIER, 7, Font.NORMAL);

    private BoletoPix() {
    }

    static PdfPTable beside(Image barcode, PixDetails pix) {
        var table = new PdfPTable(new float[]{3.3f, 1.4f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);

        var left = new PdfPCell(barcode, false);
        left.setBorder(Rectangle.NO_BORDER);
        left.setVerticalAlignment(Element.ALIGN_MIDDLE);
        left.setPaddingTop(8);
        table.addCell(left);

        var right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        right.addElement(centered(new Phrase("Pague também com Pix", Pdfs.LABEL)));
        right.addElement(qrCode(pix.brCode()));
        table.addCell(right);

        var code = new Phrase();
        code.add(new Phrase("Pix Copia e Cola\n", Pdfs.LABEL));
        code.add(new Phrase(pix.brCode(), CODE));
        var bottom = new PdfPCell(code);
        bottom.setColspan(2);
        bottom.setPadding(4);
        table.addCell(bottom);
        return table;
    }

    private static Image qrCode(String brCode) {
        try {
            var image = Image.getInstance(PixQrCode.png(brCode));
            image.scaleAbsolute(QR_SIZE, QR_SIZE);
            image.setAlignment(Element.ALIGN_CENTER);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.lowagie.text.Paragraph centered(Phrase phrase) {
        var p = new com.lowagie.text.Paragraph(phrase);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }
}
