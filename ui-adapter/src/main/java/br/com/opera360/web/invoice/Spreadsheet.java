package br.com.opera360.web.invoice;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small sheet (one invoice's items, one negotiation's installments) as the contract's CSV (UTF-8 with BOM, ';',
 * dd/MM/yyyy, 2.255,69) or XLSX (one header row, real date and numeric cells, currency format R$ #,##0.00).
 * Small by nature, so an in-memory XSSF workbook is fine here; large exports stream elsewhere.
 */
final class Spreadsheet {
    enum Type { TEXT, INTEGER, DATE, MONEY }

    record Column(String header, Type type) {
    }

    static final String CURRENCY_FORMAT = "R$ #,##0.00";
    static final String DATE_FORMAT = "dd/mm/yyyy";
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String sheetName;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    Spreadsheet(String sheetName, List<Column> columns) {
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
    }

    Spreadsheet row(Object... values) {
        if (values.length != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " values");
        rows.add(values);
        return this;
    }

    byte[] csv() {
        var sb = new StringBuilder("\uFEFF");
        sb.append(String.join(";", columns.stream().map(c -> quote(c.header())).toList())).append("\r\n");
        for (Object[] row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.length; i++) cells.add(quote(csvValue(columns.get(i).type(), row[i])));
            sb.append(String.join(";", cells)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csvAmount(BigDecimal amount) {
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pt-BR")));
        return format.format(amount);
    }

    private static String csvValue(Type type, Object value) {
        if (value == null) return "";
        return switch (type) {
            case DATE -> CSV_DATE.format((LocalDate) value);
            case MONEY -> csvAmount((BigDecimal) value);
            default -> String.valueOf(value);
        };
    }

    private static String quote(String value) {
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    byte[] xlsx() {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(sheetName);
            var format = workbook.createDataFormat();
            CellStyle header = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat(DATE_FORMAT));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(format.getFormat(CURRENCY_FORMAT));

            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(header);
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value == null) continue;
                    Cell cell = row.createCell(i);
                    switch (columns.get(i).type()) {
                        case DATE -> {
                            cell.setCellValue((LocalDate) value);
                            cell.setCellStyle(date);
                        }
                        case MONEY -> {
                            // a double only for the cell: the amount has 2 decimals and is far below 2^53 cents
                            cell.setCellValue(((BigDecimal) value).doubleValue());
                            cell.setCellStyle(money);
                        }
                        case INTEGER -> cell.setCellValue(((Number) value).longValue());
                        case TEXT -> cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            for (int i = 0; i < columns.size(); i++) sheet.setColumnWidth(i, 18 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
