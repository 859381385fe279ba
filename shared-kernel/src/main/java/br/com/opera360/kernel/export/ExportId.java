package br.com.opera360.kernel.export;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** An export request; generated at the edge (the controller). */
public record ExportId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public ExportId {
        Objects.requireNonNull(value, "exportId");
        if (!SHAPE.matcher(value).matches()) throw new IllegalArgumentException("identificador de exportação inválido");
    }

    public static ExportId generate() {
        return new ExportId(UUID.randomUUID().toString());
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
