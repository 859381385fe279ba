package br.com.opera360.web.invoice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads QR codes back as a phone would: from the PNG, from the SVG drawn to pixels, from the boleto PDF printed at 200 dpi. */
final class QrReader {
    private QrReader() {
    }

    static String fromPng(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) throw new AssertionError("not a PNG image");
        return decode(image);
    }

    /** Draws the SVG's rectangles (all it uses) at 4 pixels a unit, then decodes the picture. */
    static String fromSvg(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        var root = document.getDocumentElement();
        if (!root.getLocalName().equals("svg")) throw new AssertionError("not an SVG document");
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        int scale = 4;
        var image = new BufferedImage(Integer.parseInt(viewBox[2]) * scale, Integer.parseInt(viewBox[3]) * scale, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        var groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        var rects = ((Element) groups.item(0)).getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        g.setColor(Color.BLACK);
        for (int i = 0; i < rects.getLength(); i++) {
            var r = (Element) rects.item(i);
            g.fillRect(Integer.parseInt(r.getAttribute("x")) * scale, Integer.parseInt(r.getAttribute("y")) * scale,
                    Integer.parseInt(r.getAttribute("width")) * scale, Integer.parseInt(r.getAttribute("height")) * scale);
        }
        g.dispose();
        return decode(image);
    }

    static String fromPdf(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return decode(new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB));
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * A clean image of one code (the PNG, the drawn SVG) is read as such first: ZXing's finder-pattern search alone
     * misses a perfectly drawn code now and then (the test failed on one random Pix key in a few runs); a picture of a
     * page (the PDF) goes through the finder-pattern search.
     */
    static String decode(BufferedImage image) throws NotFoundException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (NotFoundException notAlone) {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }
}
