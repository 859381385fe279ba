package br.com.opera360.kernel.invoice;

public enum InvoiceSortField {
    DUE_DATE("dueDate"), ISSUE_DATE("issueDate"), TOTAL_AMOUNT("totalAmount");

    private final String parameter;

    InvoiceSortField(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static InvoiceSortField fromParameter(String value) {
        for (var f : values()) if (f.parameter.equals(value)) return f;
        throw new IllegalArgumentException("ordenação aceita: dueDate, issueDate ou totalAmount");
    }
}
