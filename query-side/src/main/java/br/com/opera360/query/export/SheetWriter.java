package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportFormat;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a large sheet row by row, never holding more than a window of rows: the contract's CSV (UTF-8 with BOM,
 * ';', dd/MM/yyyy, 2.255,69) or an XLSX through POI's streaming SXSSF (real date and numeric cells, currency format
 * {@code R$ #,##0.00}, one header row; its temporary files are removed on close). The one writer of sheets: exports
 * and the per-invoice spreadsheets alike.
 */
public abstract class SheetWriter implements AutoCloseable {
    public enum Type { TEXT, INTEGER, DATE, MONEY }

    public record Column(String header, Type type) {
    }

    static final String CURRENCY_FORMAT = "R$ #,##0.00";
    static final String DATE_FORMAT = "dd/mm/yyyy";

    protected final List<Column> columns;

    SheetWriter(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static SheetWriter of(ExportFormat format, String sheetName, List<Column> columns, OutputStream out) throws IOException {
        return format == ExportFormat.CSV ? new Csv(columns, out) : new Xlsx(sheetName, columns, out);
    }

    /** One row; values in column order, null for an empty cell. */
    public abstract void row(Object... values) throws IOException;

    /** Writes what is left (for XLSX: the whole file) to the stream. The stream stays open. */
    public abstract void finish() throws IOException;

    @Override
    public abstract void close() throws IOException;

    static final class Csv extends SheetWriter {
        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);

        Csv(List<Column> columns, OutputStream stream) throws IOException {
            super(columns);
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            out.write('\uFEFF');
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) line.append(';');
                quote(columns.get(i).header());
            }
            out.append(line).append("\r\n");
        }

        @Override
        public void row(Object... values) throws IOException {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) line.append(';');
                Object value = values[i];
                if (value == null) continue;
                switch (columns.get(i).type()) {
                    case DATE -> date((LocalDate) value);
                    case MONEY -> amount((BigDecimal) value, line);
                    case INTEGER -> line.append(((Number) value).longValue());
                    case TEXT -> quote(value.toString());
                }
            }
            out.append(line).append("\r\n");
        }

        private void date(LocalDate d) {
            int day = d.getDayOfMonth(), month = d.getMonthValue();
            if (day < 10) line.append('0');
            line.append(day).append('/');
            if (month < 10) line.append('0');
            line.append(month).append('/').append(d.getYear());
        }

        /** pt-BR: '.' groups thousands, ',' before the 2 decimals (2.255,69). */
        static void amount(BigDecimal value, StringBuilder sb) {
            long cents = value.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            if (cents < 0) {
                sb.append('-');
                cents = -cents;
            }
            String units = Long.toString(cents / 100);
            int first = units.length() % 3 == 0 ? 3 : units.length() % 3;
            sb.append(units, 0, first);
            for (int i = first; i < units.length(); i += 3) sb.append('.').append(units, i, i + 3);
            long c = cents % 100;
            sb.append(',').append(c < 10 ? "0" : "").append(c);
        }

        private void quote(String value) {
            if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                line.append(value);
            } else {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the stream belongs to the caller
        }
    }

    static final class Xlsx extends SheetWriter {
        /** Rows kept in memory; older rows go to a compressed temporary file. */
        static final int WINDOW = 100;
        private final SXSSFWorkbook workbook;
        private final SXSSFSheet sheet;
        private final OutputStream out;
        private final CellStyle date;
        private final CellStyle money;
        private int next;

        Xlsx(String sheetName, List<Column> columns, OutputStream out) {
            super(columns);
            this.out = out;
            this.workbook = new SXSSFWorkbook(WINDOW);
            workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet(sheetName);
            var format = workbook.createDataFormat();
            CellStyle header = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat(DATE_FORMAT));
            money = workbook.createCellStyle();
            money.setDataFormat(format.getFormat(CURRENCY_FORMAT));
            var head = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, 20 * 256);
            }
        }

        @Override
        public void row(Object... values) {
            var row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) continue;
                var cell = row.createCell(i);
                switch (columns.get(i).type()) {
                    case DATE -> {
                        cell.setCellValue((LocalDate) value);
                        cell.setCellStyle(date);
                    }
                    case MONEY -> {
                        // a double only for the cell: 2 decimals, far below 2^53 cents
                        cell.setCellValue(((BigDecimal) value).doubleValue());
                        cell.setCellStyle(money);
                    }
                    case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
                    case TEXT -> cell.setCellValue(value.toString());
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.write(out);
            out.flush();
        }

        /** Removes the temporary files, whether or not the file was finished. */
        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }
}
