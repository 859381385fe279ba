package br.com.opera360.query.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.zip.CRC32;

/**
 * Banco do Brasil (001) boleto with a 7-digit agreement ("convênio de 7 dígitos"), per Banco do Brasil's
 * "Especificações Técnicas para Confecção de Boleto de Cobrança do Banco do Brasil": free field (25) = "000000" +
 * nosso número (17 = convênio 7 + sequence 10) + carteira (2). The agreement below is the issuer's collection agreement.
 */
final class BancoDoBrasilBoleto {
    static final String BANK = "001";
    static final String AGREEMENT = "2816541";
    static final String PORTFOLIO = "18";

    private BancoDoBrasilBoleto() {
    }

    record Codes(String ourNumber, String barcode, String digitableLine) {
    }

    static Codes of(String invoiceId, String invoiceNumber, LocalDate dueDate, BigDecimal amount) {
        String ourNumber = AGREEMENT + sequence(invoiceId, invoiceNumber);
        String barcode = Febraban.barcode(BANK, dueDate, amount, freeField(ourNumber));
        return new Codes(ourNumber, barcode, Febraban.digitableLine(barcode));
    }

    static String freeField(String ourNumber17) {
        return "000000" + ourNumber17 + PORTFOLIO;
    }

    /** The invoice number when it is a number that fits, else a stable digest of the invoice id: same invoice, same nosso número. */
    static String sequence(String invoiceId, String invoiceNumber) {
        if (invoiceNumber.matches("\\d{1,10}")) return String.format("%010d", Long.parseLong(invoiceNumber));
        var crc = new CRC32();
        crc.update(invoiceId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format("%010d", crc.getValue() % 10_000_000_000L);
    }
}
