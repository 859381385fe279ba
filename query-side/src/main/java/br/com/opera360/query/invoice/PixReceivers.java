package br.com.opera360.query.invoice;

import br.com.opera360.kernel.invoice.PixReceiver;

import java.util.Map;
import java.util.Optional;

/**
 * Who receives the Pix of an issuer's invoices: the override for its CNPJ when one is configured (an empty one means
 * no Pix for that issuer), else the default; empty when neither applies, and then nothing offers a Pix.
 */
public record PixReceivers(Optional<PixReceiver> fallback, Map<String, Optional<PixReceiver>> byIssuerCnpj) {
    public static final PixReceivers NONE = new PixReceivers(Optional.empty(), Map.of());

    public PixReceivers {
        byIssuerCnpj = Map.copyOf(byIssuerCnpj);
    }

    public Optional<PixReceiver> forIssuer(String issuerCnpj) {
        if (issuerCnpj != null && byIssuerCnpj.containsKey(issuerCnpj)) return byIssuerCnpj.get(issuerCnpj);
        return fallback;
    }
}
