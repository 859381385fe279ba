package br.com.opera360.kernel.common;

import java.util.List;

/**
 * A business rule said no. Thrown by aggregates and value objects; travels across the command bus as the details of
 * a {@code CommandExecutionException}, so both runtime modes answer alike. {@code detail} is pt-BR for people.
 */
public class Rejected extends RuntimeException {

    public enum Kind { BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String code;
    private final List<FieldProblem> fieldProblems;

    public Rejected(Kind kind, String code, String detail, List<FieldProblem> fieldProblems) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static Rejected conflict(String code, String detail) {
        return new Rejected(Kind.CONFLICT, code, detail, List.of());
    }

    public static Rejected notFound(String code, String detail) {
        return new Rejected(Kind.NOT_FOUND, code, detail, List.of());
    }

    public static Rejected badRequest(String code, String detail) {
        return new Rejected(Kind.BAD_REQUEST, code, detail, List.of());
    }

    public static Rejected invalidField(String field, String message) {
        return new Rejected(Kind.BAD_REQUEST, "validation", "Dados inválidos: verifique o campo " + field + ".",
                List.of(new FieldProblem(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** Serializable form, carried as {@code CommandExecutionException} details between nodes. */
    public Details details() {
        return new Details(kind.name(), code, getMessage(), fieldProblems);
    }

    public static Rejected from(Details d) {
        return new Rejected(Kind.valueOf(d.kind()), d.code(), d.detail(), d.fieldProblems() == null ? List.of() : d.fieldProblems());
    }

    public record Details(String kind, String code, String detail, List<FieldProblem> fieldProblems) {
    }

    public record FieldProblem(String field, String message) {
    }
}
