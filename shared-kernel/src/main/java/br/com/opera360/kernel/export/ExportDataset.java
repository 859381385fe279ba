package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.Functionality;

/** What can be exported; the code is the contract's {@code dataset} value. */
public enum ExportDataset {
    INVOICES("invoices", Functionality.INVOICES_EXPORT, "faturas"),
    SERVICES("services", Functionality.SERVICES_EXPORT, "servicos");

    private final String code;
    private final Functionality right;
    private final String fileStem;

    ExportDataset(String code, Functionality right, String fileStem) {
        this.code = code;
        this.right = right;
        this.fileStem = fileStem;
    }

    public String code() {
        return code;
    }

    /** The functionality a user needs to export this dataset. */
    public Functionality right() {
        return right;
    }

    public String fileStem() {
        return fileStem;
    }

    public static ExportDataset parse(String code) {
        if (code == null || code.isBlank()) throw new NullPointerException("dataset");
        for (var d : values()) if (d.code.equals(code.strip())) return d;
        throw new IllegalArgumentException("valores aceitos: invoices ou services");
    }
}
