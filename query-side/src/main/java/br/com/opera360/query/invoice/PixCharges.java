package br.com.opera360.query.invoice;

import br.com.opera360.kernel.invoice.BrCode;
import br.com.opera360.kernel.invoice.PixDetails;
import br.com.opera360.kernel.invoice.PixTxid;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/** The Pix of an amount owed to an issuer, or null when no receiver is configured for it or a BR Code cannot carry the amount. */
@Component
class PixCharges {
    private final PixReceivers receivers;

    PixCharges(PixReceivers receivers) {
        this.receivers = receivers;
    }

    PixDetails charge(String issuerCnpj, BigDecimal amount, PixTxid txid) {
        if (!BrCode.canCarry(amount)) return null;
        return receivers.forIssuer(issuerCnpj).map(receiver -> PixDetails.of(receiver, amount, txid)).orElse(null);
    }
}
