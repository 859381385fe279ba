package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A static Pix BR Code ("Pix Copia e Cola" and the QR code's content): EMV QRCPS-MPM as profiled by the Banco
 * Central's "Manual de Padrões para Iniciação do Pix". Every field is ID (2 digits) + length (2 digits) + value:
 * 00 payload format "01", 26 merchant account (00 GUI {@code br.gov.bcb.pix}, 01 the key), 52 category "0000",
 * 53 currency 986 (BRL), 54 amount (optional), 58 country BR, 59 merchant name, 60 city, 62 additional data
 * (05 txid), and 63 the CRC16-CCITT-FALSE of everything before its value, "6304" included, in upper-case hex.
 */
public record BrCode(String payload) {
    static final String GUI = "br.gov.bcb.pix";
    /** Field 54 holds at most 13 characters: up to 9,999,999,999.99. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    public BrCode {
        Objects.requireNonNull(payload, "payload");
    }

    /** {@code amount} null: the payer types it (the manual's example has none). */
    public static BrCode of(PixReceiver receiver, BigDecimal amount, PixTxid txid) {
        var out = new StringBuilder(160)
                .append(field("00", "01"))
                .append(field("26", field("00", GUI) + field("01", receiver.key())))
                .append(field("52", "0000"))
                .append(field("53", "986"));
        if (amount != null) out.append(field("54", amountText(amount)));
        out.append(field("58", "BR"))
           .append(field("59", receiver.merchantName()))
           .append(field("60", receiver.merchantCity()))
           .append(field("62", field("05", txid.value())))
           .append("6304");
        return new BrCode(out + crc16(out));
    }

    public static boolean canCarry(BigDecimal amount) {
        return amount.signum() > 0 && amount.compareTo(MAX_AMOUNT) <= 0;
    }

    private static String amountText(BigDecimal amount) {
        if (!canCarry(amount)) throw new IllegalArgumentException("valor fora do que o Pix aceita: " + amount.toPlainString());
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String field(String id, String value) {
        if (value.length() > 99) throw new IllegalArgumentException("campo " + id + " passa de 99 caracteres");
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    /** CRC16-CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
    static String crc16(CharSequence data) {
        int crc = 0xFFFF;
        for (int i = 0; i < data.length(); i++) {
            crc ^= (data.charAt(i) & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format("%04X", crc);
    }

    @Override
    public String toString() {
        return payload;
    }
}
