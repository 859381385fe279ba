package br.com.opera360.kernel.common;

import java.util.Objects;
import java.util.UUID;

public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "userId");
    }

    public static UserId generate() {
        return new UserId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
