package br.com.opera360.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code opera360.pix.*}: the default Pix receiver ({@code key}, {@code merchant-name}, {@code merchant-city}) and
 * overrides keyed by the issuer's CNPJ ({@code issuers.<cnpj>.*}). No default key: no Pix except where an override
 * gives one; an override with an empty key: no Pix for that issuer; an override's empty name or city: the default's.
 */
@ConfigurationProperties("opera360.pix")
public record PixProperties(String key, String merchantName, String merchantCity, Map<String, Receiver> issuers) {

    public record Receiver(String key, String merchantName, String merchantCity) {
    }
}
