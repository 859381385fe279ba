package br.com.opera360.kernel.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased: uniqueness across accounts ignores case. */
public record Email(String value) {
    // Deliberately simple (RFC 5321 lengths, one '@', a dotted domain): delivery is what really validates an address.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    public Email {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("é obrigatório");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("não é um e-mail válido");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
