package br.com.opera360.kernel.invoice;

import java.util.regex.Pattern;

/** How identifiers of billing documents (invoice, Nota Fiscal, negotiation) may look: short, printable, path-safe. */
public record InvoiceNumber(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");

    public InvoiceNumber {
        if (value == null || value.isBlank()) throw new NullPointerException("number");
        value = value.strip();
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("deve ter de 1 a 60 caracteres: letras, dígitos, '.', '_' ou '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
