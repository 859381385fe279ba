package br.com.opera360.kernel.common;

import java.util.regex.Pattern;

/** CEP: 8 digits, accepted as {@code 01310-100} or {@code 01310100}, kept and returned as {@code 01310100}. */
public record Cep(String value) {
    private static final Pattern ACCEPTED = Pattern.compile("\\d{5}-?\\d{3}");

    public Cep {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("é obrigatório");
        String v = value.strip();
        if (!ACCEPTED.matcher(v).matches()) throw new IllegalArgumentException("CEP deve ter 8 dígitos (01310-100 ou 01310100)");
        value = v.replace("-", "");
    }

    /** Whether the text is a CEP in one of the accepted forms. */
    public static boolean isValid(String value) {
        return value != null && ACCEPTED.matcher(value.strip()).matches();
    }

    int number() {
        return Integer.parseInt(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
