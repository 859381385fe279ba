package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;

/** A Pix charge as the API shows it: the BR Code ("copia e cola") and what it carries. */
public record PixDetails(String brCode, String txid, BigDecimal amount, String key, String merchantName,
                         String merchantCity) {

    public static PixDetails of(PixReceiver receiver, BigDecimal amount, PixTxid txid) {
        return new PixDetails(BrCode.of(receiver, amount, txid).payload(), txid.value(), amount, receiver.key(),
                receiver.merchantName(), receiver.merchantCity());
    }
}
