package br.com.opera360.query.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The bank-independent part of a boleto (FEBRABAN "Layout padrão de arrecadação/cobrança", código de barras de 44
 * posições): bank (3) + currency 9 + general check digit + due-date factor (4) + amount in cents (10) + free field (25),
 * and the 47-digit digitable line made of three mod-10 fields, the general check digit and factor + amount.
 */
final class Febraban {
    static final LocalDate FACTOR_BASE = LocalDate.of(1997, 10, 7);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

    private Febraban() {
    }

    /**
     * Days since 1997-10-07. FEBRABAN: the factor reached 9999 on 2025-02-21 and restarts at 1000 on 2025-02-22, then
     * runs in cycles of 9000 days (1000..9999).
     */
    static int dueDateFactor(LocalDate dueDate) {
        long days = ChronoUnit.DAYS.between(FACTOR_BASE, dueDate);
        if (days < 0) throw new IllegalArgumentException("due date before the FEBRABAN factor base");
        if (days <= 9999) return (int) days;
        return (int) ((days - 1000) % 9000 + 1000);
    }

    static String barcode(String bank, LocalDate dueDate, BigDecimal amount, String freeField) {
        if (!bank.matches("\\d{3}")) throw new IllegalArgumentException("bank code must have 3 digits");
        if (!freeField.matches("\\d{25}")) throw new IllegalArgumentException("free field must have 25 digits");
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) throw new IllegalArgumentException("amount out of the boleto's range");
        String factor = String.format("%04d", dueDateFactor(dueDate));
        String cents = String.format("%010d", amount.movePointRight(2).longValueExact());
        String withoutDv = bank + "9" + factor + cents + freeField;
        return withoutDv.substring(0, 4) + generalCheckDigit(withoutDv) + withoutDv.substring(4);
    }

    /** Mod 11 over the 43 digits, weights 2..9 from the right; 0, 10 and 11 become 1. */
    static int generalCheckDigit(String digits43) {
        int sum = 0;
        int weight = 2;
        for (int i = digits43.length() - 1; i >= 0; i--) {
            sum += (digits43.charAt(i) - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        int dv = 11 - sum % 11;
        return dv == 0 || dv == 10 || dv == 11 ? 1 : dv;
    }

    /** Mod 10, weights 2,1,2,1... from the right, digits of each product summed. */
    static int mod10(String digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int product = (digits.charAt(i) - '0') * weight;
            sum += product / 10 + product % 10;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - sum % 10) % 10;
    }

    static String digitableLine(String barcode) {
        if (!barcode.matches("\\d{44}")) throw new IllegalArgumentException("barcode must have 44 digits");
        String free = barcode.substring(19);
        String field1 = barcode.substring(0, 4) + free.substring(0, 5);
        String field2 = free.substring(5, 15);
        String field3 = free.substring(15, 25);
        return field1 + mod10(field1) + field2 + mod10(field2) + field3 + mod10(field3)
                + barcode.charAt(4) + barcode.substring(5, 19);
    }

    /** The barcode a digitable line stands for; refuses a line whose check digits do not match. */
    static String barcodeOf(String digitableLine) {
        String line = digitableLine.replaceAll("[.\\s]", "");
        if (!line.matches("\\d{47}")) throw new IllegalArgumentException("digitable line must have 47 digits");
        String field1 = line.substring(0, 9);
        String field2 = line.substring(10, 20);
        String field3 = line.substring(21, 31);
        if (mod10(field1) != line.charAt(9) - '0' || mod10(field2) != line.charAt(20) - '0'
                || mod10(field3) != line.charAt(31) - '0') {
            throw new IllegalArgumentException("wrong field check digit");
        }
        String barcode = field1.substring(0, 4) + line.charAt(32) + line.substring(33, 47) + field1.substring(4) + field2 + field3;
        if (generalCheckDigit(barcode.substring(0, 4) + barcode.substring(5)) != barcode.charAt(4) - '0') {
            throw new IllegalArgumentException("wrong general check digit");
        }
        return barcode;
    }
}
