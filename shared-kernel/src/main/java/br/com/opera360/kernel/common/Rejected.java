package br.com.opera360.kernel.common;

import org.axonframework.messaging.HandlerExecutionException;

import java.util.List;
import java.util.Optional;

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

    /** Another write to the same record won the race (the event store kept one); the caller reads and retries. */
    public static Rejected concurrentChange() {
        return conflict("concurrent-change",
                "Outra alteração do mesmo registro foi feita ao mesmo tempo. Consulte o estado atual e tente novamente.");
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

    /** The way back: {@code t} itself if a rejection, or the one a command failure carries in its details. */
    public static Optional<Rejected> of(Throwable t) {
        if (t instanceof Rejected r) return Optional.of(r);
        if (t instanceof HandlerExecutionException e && e.getDetails().orElse(null) instanceof Details d) return Optional.of(from(d));
        return Optional.empty();
    }

    /** The first rejection along {@code t}'s causes. */
    public static Optional<Rejected> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            var rejected = of(c);
            if (rejected.isPresent()) return rejected;
        }
        return Optional.empty();
    }

    public record Details(String kind, String code, String detail, List<FieldProblem> fieldProblems) {
    }

    public record FieldProblem(String field, String message) {
    }
}
