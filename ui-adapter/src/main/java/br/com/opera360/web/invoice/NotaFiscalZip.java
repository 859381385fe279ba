package br.com.opera360.web.invoice;

import br.com.opera360.kernel.invoice.NotaFiscalDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The Nota Fiscal download: the XML as received and its DANFE, in one zip. */
final class NotaFiscalZip {
    private NotaFiscalZip() {
    }

    static byte[] of(NotaFiscalDocument nf) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("NFe" + nf.accessKey() + ".xml"));
            zip.write(nf.xml().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("DANFE-" + nf.number() + ".pdf"));
            zip.write(DanfePdf.render(nf));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
