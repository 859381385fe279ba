package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.export.ExportFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

/** Files answered for download: a small sheet in the kernel's {@link ExportFormat}, or any named document. */
final class Attachments {
    private Attachments() {
    }

    /** The {@code format} parameter of a sheet download (case-insensitive, required). */
    static ExportFormat sheetFormat(String format) {
        if (format != null) {
            for (var f : ExportFormat.values()) {
                if (f.code().equals(format.strip().toLowerCase(Locale.ROOT))) return f;
            }
        }
        throw Rejected.invalidField("format", "formatos aceitos: csv ou xlsx");
    }

    static ResponseEntity<byte[]> sheet(Spreadsheet sheet, ExportFormat format, String baseName) {
        return file(MediaType.parseMediaType(format.mediaType()), baseName + "." + format.code(), sheet.bytes(format));
    }

    static ResponseEntity<byte[]> file(MediaType type, String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    static ResponseEntity<byte[]> inline(MediaType type, String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(body);
    }
}
