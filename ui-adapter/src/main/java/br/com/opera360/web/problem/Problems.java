package br.com.opera360.web.problem;

import br.com.opera360.kernel.common.Rejected;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds every error answer: RFC 9457 problem+json with {@code type}, {@code title}, {@code status}, a pt-BR
 * {@code detail} a person can act on and, for invalid input, {@code errors: [{field, message}]}. Never a class name or
 * a stack trace.
 */
public final class Problems {
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Requisição inválida"),
            Map.entry(401, "Não autenticado"),
            Map.entry(403, "Acesso negado"),
            Map.entry(404, "Não encontrado"),
            Map.entry(405, "Método não permitido"),
            Map.entry(406, "Formato de resposta não disponível"),
            Map.entry(409, "Conflito"),
            Map.entry(410, "Não está mais disponível"),
            Map.entry(413, "Conteúdo grande demais"),
            Map.entry(415, "Tipo de conteúdo não suportado"),
            Map.entry(429, "Muitas tentativas"),
            Map.entry(500, "Erro interno"),
            Map.entry(503, "Serviço indisponível"));

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:opera360:problem:" + code));
        problem.setTitle(TITLES.getOrDefault(status.value(), HttpStatus.valueOf(status.value()).getReasonPhrase()));
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<Rejected.FieldProblem> fields) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", detail);
        problem.setProperty("errors", fields.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return problem;
    }

    public static ProblemDetail of(Rejected rejected) {
        if (!rejected.fieldProblems().isEmpty()) return invalid(rejected.detail(), rejected.fieldProblems());
        return of(statusOf(rejected.kind()), rejected.code(), rejected.detail());
    }

    static HttpStatus statusOf(Rejected.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    /** For filters and handlers outside the controller advice (security, unmatched errors). */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, ObjectMapper json) {
        var response = exchange.getResponse();
        if (response.isCommitted()) return Mono.empty();
        if (problem.getInstance() == null) problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.getStatus() + "}").getBytes(StandardCharsets.UTF_8);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
