package br.com.opera360.web.common;

import br.com.opera360.kernel.common.Rejected;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every bad field of a request into one 400: {@code var cnpj = fields.parse("cnpj", () -> new Cnpj(body.cnpj()));}
 * Value objects say what is wrong in pt-BR through their {@code IllegalArgumentException}.
 */
public final class Fields {
    private final List<Rejected.FieldProblem> problems = new ArrayList<>();

    public <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (NullPointerException e) {
            problems.add(new Rejected.FieldProblem(field, "é obrigatório"));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "valor inválido" : e.getMessage();
            // a compact constructor may prefix its own field name ("companyName: é obrigatório")
            int colon = message.indexOf(": ");
            problems.add(new Rejected.FieldProblem(field, colon > 0 && !message.substring(0, colon).contains(" ")
                    ? message.substring(colon + 2) : message));
        }
        return null;
    }

    public String requiredText(String field, String value, int maxLength) {
        return parse(field, () -> {
            if (value == null || value.isBlank()) throw new NullPointerException(field);
            String v = value.strip();
            if (v.length() > maxLength) throw new IllegalArgumentException("deve ter no máximo " + maxLength + " caracteres");
            return v;
        });
    }

    /** An ISO-8601 instant with offset ({@code 2026-03-10T12:00:00-03:00} or {@code ...Z}); blank or absent is null. */
    public java.time.Instant instant(String field, String value) {
        if (value == null || value.isBlank()) return null;
        return parse(field, () -> {
            try {
                // an unencoded '+' of the offset arrives as a space
                return java.time.OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("use um instante ISO-8601 com fuso, por exemplo 2026-03-10T12:00:00-03:00");
            }
        });
    }

    public void reject(String field, String message) {
        problems.add(new Rejected.FieldProblem(field, message));
    }

    /** Throws the 400 with every problem found, if any. */
    public void check() {
        if (problems.isEmpty()) return;
        String names = String.join(", ", problems.stream().map(Rejected.FieldProblem::field).distinct().toList());
        throw new Rejected(Rejected.Kind.BAD_REQUEST, "validation",
                "Dados inválidos: verifique " + (problems.size() == 1 ? "o campo " : "os campos ") + names + ".", problems);
    }
}
