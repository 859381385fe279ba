package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The transaction id of a static Pix (field 62, subfield 05): up to 25 alphanumeric characters (BCB's manual), or
 * "***" for none. Ours is deterministic, so the same charge always has the same BR Code and reconciliation can find
 * the invoice again: the first 25 hex digits (100 bits) of the SHA-256 of what identifies the charge. Invoice numbers
 * are unique only per account and may be 60 characters long, so they cannot be the txid themselves.
 */
public record PixTxid(String value) {
    public static final String NONE = "***";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{1,25}");

    public PixTxid {
        if (value == null || !(NONE.equals(value) || SHAPE.matcher(value).matches())) {
            throw new IllegalArgumentException("txid deve ter de 1 a 25 letras ou dígitos, ou ***");
        }
    }

    public static PixTxid forInvoice(AccountId account, String invoiceNumber) {
        return hashOf("invoice", account.value(), invoiceNumber);
    }

    public static PixTxid forInstallment(AccountId account, String negotiationReference, int installment) {
        return hashOf("installment", account.value(), negotiationReference, Integer.toString(installment));
    }

    private static PixTxid hashOf(String... parts) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            // a NUL between parts: no identifier contains one, so different parts never hash the same text
            byte[] digest = sha.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return new PixTxid(HexFormat.of().withUpperCase().formatHex(digest).substring(0, 25));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
