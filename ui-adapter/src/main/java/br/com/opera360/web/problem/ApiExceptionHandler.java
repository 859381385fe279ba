package br.com.opera360.web.problem;

import br.com.opera360.kernel.common.Rejected;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** Maps every exception a controller can meet to problem+json. Filters use {@link Problems} directly. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Rejected.class)
    ResponseEntity<ProblemDetail> rejected(Rejected e) {
        return answer(Problems.of(e));
    }

    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class,
            ConcurrencyException.class, LockAcquisitionFailedException.class, AggregateNotFoundException.class,
            AccessDeniedException.class, JSR303ViolationException.class})
    ResponseEntity<ProblemDetail> axon(Exception e) {
        return answer(toProblem(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return answer(toProblem(e));
    }

    /** The problem a request failing with {@code e} answers; for callers that answer many requests in one (the batch). */
    public static ProblemDetail problemOf(Throwable e) {
        return toProblem(e);
    }

    /** Also used by {@link ProblemErrorWebExceptionHandler} for errors that never reached a controller. */
    static ProblemDetail toProblem(Throwable e) {
        Throwable t = unwrap(e);
        var rejected = Rejected.of(t);
        if (rejected.isPresent()) return Problems.of(rejected.get());
        // A lost race reaches us as a rejection from the command bus (command.common.ConflictReportingCommandBus);
        // these are the same failures met outside it.
        if (hasCause(t, ConcurrencyException.class) || hasCause(t, AggregateStreamCreationException.class)
                || hasCause(t, LockAcquisitionFailedException.class)) {
            return concurrentChange();
        }
        if (t instanceof AggregateNotFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Registro não encontrado.");
        }
        if (t instanceof AccessDeniedException) {
            return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Seu perfil não dá acesso a esta funcionalidade.");
        }
        if (hasCause(t, DataBufferLimitException.class)) return tooLarge();
        if (t instanceof ServerWebInputException swi) return input(swi);
        if (t instanceof MethodNotAllowedException mna) {
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "Método " + mna.getHttpMethod() + " não é aceito neste endereço. Métodos aceitos: "
                            + mna.getSupportedMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".");
        }
        if (t instanceof UnsupportedMediaTypeStatusException) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Tipo de conteúdo não suportado. Envie o corpo como application/json.");
        }
        if (t instanceof NotAcceptableStatusException) {
            return Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "O formato de resposta pedido (Accept) não está disponível.");
        }
        if (t instanceof org.springframework.web.server.ResponseStatusException rse) {
            return byStatus(rse.getStatusCode());
        }
        if (t instanceof org.springframework.web.ErrorResponse er) return byStatus(er.getStatusCode());
        log.error("Unexpected error", t);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Ocorreu um erro inesperado. Tente novamente; se persistir, informe a Central de Atendimento.");
    }

    static ProblemDetail concurrentChange() {
        return Problems.of(Rejected.concurrentChange());
    }

    static ProblemDetail tooLarge() {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "O corpo da requisição passa do limite de 1 MiB.");
    }

    static ProblemDetail byStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> Problems.of(status, "not-found", "Endereço não encontrado. Confira o caminho na documentação da API (/swagger-ui.html).");
            case 405 -> Problems.of(status, "method-not-allowed", "Método não aceito neste endereço.");
            case 413 -> tooLarge();
            case 415 -> Problems.of(status, "unsupported-media-type", "Tipo de conteúdo não suportado. Envie o corpo como application/json.");
            case 400 -> Problems.of(status, "bad-request", "Requisição inválida.");
            default -> Problems.of(status, "http-" + status.value(), "A requisição não pôde ser atendida.");
        };
    }

    private static ProblemDetail input(ServerWebInputException e) {
        if (e instanceof WebExchangeBindException bind) {
            return Problems.invalid("Dados inválidos.", bind.getFieldErrors().stream()
                    .map(f -> new Rejected.FieldProblem(f.getField(), "valor inválido")).toList());
        }
        if (e instanceof MissingRequestValueException missing) {
            return Problems.invalid("Parâmetro obrigatório ausente: " + missing.getName() + ".",
                    List.of(new Rejected.FieldProblem(missing.getName(), "é obrigatório")));
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonMappingException) && !(cause instanceof JsonParseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonParseException || (cause == null && hasCause(e, DecodingException.class))) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "O corpo da requisição não é um JSON válido.");
        }
        if (cause instanceof JsonMappingException jme) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (field.isEmpty()) {
                return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "O corpo da requisição deve ser um objeto JSON.");
            }
            String message = (jme instanceof InvalidFormatException || jme instanceof MismatchedInputException)
                    ? "tipo de valor inválido" : "valor inválido";
            return Problems.invalid("Dados inválidos: verifique o campo " + field + ".", List.of(new Rejected.FieldProblem(field, message)));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Requisição inválida: confira os parâmetros e o corpo enviados.");
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof QueryExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = toProblem(ex);
        HttpHeaders out = new HttpHeaders();
        if (headers != null) out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.just(ResponseEntity.status(problem.getStatus()).headers(out).body(problem));
    }
}
