package br.com.opera360.app.config;

import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.invoice.PixReceiver;
import br.com.opera360.query.invoice.PixReceivers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Turns {@link PixProperties} into the receivers the Pix queries use; a wrong value stops the start with its reason. */
@Configuration(proxyBeanMethods = false)
class PixConfiguration {

    @Bean
    PixReceivers pixReceivers(PixProperties props) {
        Optional<PixReceiver> fallback = receiver("opera360.pix", props.key(), props.merchantName(), props.merchantCity());
        Map<String, Optional<PixReceiver>> byIssuer = new HashMap<>();
        if (props.issuers() != null) {
            props.issuers().forEach((cnpj, r) -> byIssuer.put(cnpj(cnpj), receiver("opera360.pix.issuers." + cnpj, r.key(),
                    blank(r.merchantName()) ? props.merchantName() : r.merchantName(),
                    blank(r.merchantCity()) ? props.merchantCity() : r.merchantCity())));
        }
        return new PixReceivers(fallback, byIssuer);
    }

    private static Optional<PixReceiver> receiver(String prefix, String key, String name, String city) {
        if (blank(key)) return Optional.empty();
        try {
            return Optional.of(new PixReceiver(key, name == null ? "" : name, city == null ? "" : city));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(prefix + ": " + e.getMessage(), e);
        }
    }

    private static String cnpj(String raw) {
        try {
            return new Cnpj(raw).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("opera360.pix.issuers: " + raw + " is not a valid CNPJ", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
