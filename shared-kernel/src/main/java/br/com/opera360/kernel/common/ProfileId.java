package br.com.opera360.kernel.common;

import java.util.Objects;
import java.util.UUID;

public record ProfileId(String value) {
    public ProfileId {
        Objects.requireNonNull(value, "profileId");
    }

    public static ProfileId generate() {
        return new ProfileId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
