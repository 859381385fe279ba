package br.com.opera360.kernel.service;

import java.util.Locale;
import java.util.Set;

/**
 * The circuit designation that names a contracted service, unique within the customer account. It is a path segment
 * ({@code /api/services/{designation}}), so it has no slash or control character, and it is none of the fixed
 * segments beside it ({@code map}, {@code types}).
 */
public record Designation(String value) {
    static final int MAX_LENGTH = 100;
    private static final Set<String> RESERVED = Set.of("map", "types");

    public Designation {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("é obrigatório");
        value = value.strip();
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("deve ter no máximo " + MAX_LENGTH + " caracteres");
        if (value.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("não pode conter barra nem caracteres de controle");
        }
        if (RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + value + "' é reservado; use outra designação");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
