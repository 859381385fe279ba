package br.com.opera360.kernel.common;

import java.util.Objects;

/**
 * A password or token on its way to the one handler that checks it. {@code toString} never shows the value, so a
 * command that carries a secret can be logged without leaking it.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
