package br.com.opera360.web.invoice;

import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.query.export.SheetWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small sheet (one invoice's items, one negotiation's installments), answered as the contract's CSV or XLSX by the
 * same {@link SheetWriter} the exports use; rows are kept until the format is known.
 */
final class Spreadsheet {
    private final String sheetName;
    private final List<SheetWriter.Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    Spreadsheet(String sheetName, List<SheetWriter.Column> columns) {
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
    }

    Spreadsheet row(Object... values) {
        if (values.length != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " values");
        rows.add(values);
        return this;
    }

    byte[] bytes(ExportFormat format) {
        var out = new ByteArrayOutputStream();
        try (var sheet = SheetWriter.of(format, sheetName, columns, out)) {
            for (Object[] row : rows) sheet.row(row);
            sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
