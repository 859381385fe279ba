package br.com.opera360.kernel.export;

/** The file format; the code is the contract's {@code format} value. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String code;
    private final String mediaType;

    ExportFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ExportFormat parse(String code) {
        if (code == null || code.isBlank()) throw new NullPointerException("format");
        for (var f : values()) if (f.code.equals(code.strip())) return f;
        throw new IllegalArgumentException("formatos aceitos: csv ou xlsx");
    }
}
