package br.com.opera360.kernel.invoice;

/** The 44-digit access key of a Nota Fiscal; the last digit is mod 11 over the first 43 (SEFAZ, Manual de Orientação do Contribuinte). */
public record NfAccessKey(String value) {
    public NfAccessKey {
        if (value == null || value.isBlank()) throw new NullPointerException("accessKey");
        value = value.replaceAll("\\s", "");
        if (!value.matches("\\d{44}")) throw new IllegalArgumentException("deve ter 44 dígitos");
        if (checkDigit(value.substring(0, 43)) != value.charAt(43) - '0') {
            throw new IllegalArgumentException("dígito verificador inválido");
        }
    }

    /** Weights 2..9 from the right; a remainder of 0 or 1 gives 0. */
    public static int checkDigit(String digits43) {
        int sum = 0;
        int weight = 2;
        for (int i = digits43.length() - 1; i >= 0; i--) {
            sum += (digits43.charAt(i) - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    @Override
    public String toString() {
        return value;
    }
}
