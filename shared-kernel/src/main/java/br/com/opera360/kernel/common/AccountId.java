package br.com.opera360.kernel.common;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A customer account. Given by billing systems or generated at the edge; a short, URL-safe string. */
public record AccountId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public AccountId {
        Objects.requireNonNull(value, "accountId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("deve ter de 1 a 64 caracteres: letras, dígitos, '.', '_' ou '-'");
        }
    }

    public static AccountId generate() {
        return new AccountId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
