package br.com.opera360.query.service;

import java.text.Normalizer;
import java.util.Locale;

/** Stored search fields: lower case without accents, so "sao paulo" finds "São Paulo". */
final class SearchKeys {
    private SearchKeys() {
    }

    static String of(String text) {
        if (text == null) return null;
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
