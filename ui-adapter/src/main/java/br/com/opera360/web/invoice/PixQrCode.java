package br.com.opera360.web.invoice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A BR Code drawn as a QR code by ZXing: error correction M (what bank apps print for Pix) and the 4-module quiet zone
 * the QR standard requires, as PNG ({@link #MODULE_PIXELS} pixels a module) or SVG (one rectangle per run of dark modules).
 */
final class PixQrCode {
    static final int MODULE_PIXELS = 8;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4);

    private PixQrCode() {
    }

    /** One pixel a module, quiet zone included. */
    static BitMatrix modules(String payload) {
        return encode(payload, 0);
    }

    static byte[] png(String payload) {
        var out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(encode(payload, modules(payload).getWidth() * MODULE_PIXELS), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String svg(String payload) {
        BitMatrix m = modules(payload);
        var svg = new StringBuilder(8192)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(m.getWidth()).append(' ').append(m.getHeight())
                .append("\" width=\"").append(m.getWidth() * MODULE_PIXELS).append("\" height=\"").append(m.getHeight() * MODULE_PIXELS)
                .append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code Pix\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<g fill=\"#000000\">\n");
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) x++;
                svg.append("<rect x=\"").append(start).append("\" y=\"").append(y).append("\" width=\"").append(x - start)
                   .append("\" height=\"1\"/>\n");
            }
        }
        return svg.append("</g>\n</svg>\n").toString();
    }

    private static BitMatrix encode(String payload, int size) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("BR Code too long for a QR code", e);
        }
    }
}
