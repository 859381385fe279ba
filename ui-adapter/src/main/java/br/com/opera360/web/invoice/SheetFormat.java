package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Rejected;

enum SheetFormat {
    CSV, XLSX;

    static SheetFormat parse(String format) {
        if (format != null) {
            switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> { return CSV; }
                case "xlsx" -> { return XLSX; }
                default -> { }
            }
        }
        throw Rejected.invalidField("format", "formatos aceitos: csv ou xlsx");
    }
}
