package br.com.opera360.kernel.common;

/** CPF: 11 digits with two mod-11 check digits (Receita Federal). Accepted with punctuation, stored as digits. */
public record Cpf(String value) {
    public Cpf {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("é obrigatório");
        value = value.strip().replaceAll("[.\\-\\s]", "");
        if (!isValid(value)) throw new IllegalArgumentException("CPF inválido");
    }

    static boolean isValid(String s) {
        if (!s.matches("[0-9]{11}")) return false;
        if (s.chars().distinct().count() == 1) return false; // 111.111.111-11 passes mod 11 but is not a CPF
        return checkDigit(s, 9) == s.charAt(9) - '0' && checkDigit(s, 10) == s.charAt(10) - '0';
    }

    private static int checkDigit(String s, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) sum += (s.charAt(i) - '0') * (length + 1 - i);
        int rest = (sum * 10) % 11;
        return rest == 10 ? 0 : rest;
    }

    @Override
    public String toString() {
        return value;
    }
}
