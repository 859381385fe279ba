package br.com.opera360.kernel.common;

import java.util.Locale;

/**
 * CNPJ in the numeric form and in the alphanumeric form valid since July 2026 (Receita Federal, IN RFB 2.229/2024):
 * 12 characters {@code 0-9A-Z} and 2 numeric check digits, mod 11. Stored as 14 characters, upper case, no punctuation.
 */
public record Cnpj(String value) {
    private static final int[] FIRST_WEIGHTS = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] SECOND_WEIGHTS = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    public Cnpj {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("é obrigatório");
        value = normalize(value);
        if (!isValid(value)) throw new IllegalArgumentException("CNPJ inválido");
    }

    static String normalize(String raw) {
        String s = raw.strip().toUpperCase(Locale.ROOT);
        // Accepted punctuation: 12.ABC.345/01DE-35
        return s.replaceAll("[./\\-\\s]", "");
    }

    static boolean isValid(String s) {
        if (!s.matches("[0-9A-Z]{12}[0-9]{2}")) return false;
        if (s.chars().distinct().count() == 1) return false; // 00000000000000, 11111111111111... pass mod 11 but are not CNPJs
        return checkDigit(s, FIRST_WEIGHTS) == s.charAt(12) - '0' && checkDigit(s, SECOND_WEIGHTS) == s.charAt(13) - '0';
    }

    private static int checkDigit(String s, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (s.charAt(i) - '0') * weights[i]; // alphanumeric rule: each character is worth its ASCII code - 48
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    @Override
    public String toString() {
        return value;
    }
}
