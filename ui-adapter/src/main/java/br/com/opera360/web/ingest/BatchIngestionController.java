package br.com.opera360.web.ingest;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.common.GroupCommit;
import br.com.opera360.web.common.IngestionAnswer;
import br.com.opera360.web.common.IngestionType;
import br.com.opera360.web.problem.ApiExceptionHandler;
import br.com.opera360.web.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

// Over 200 lines because: a fifth is imports and the OpenAPI description of the one NDJSON endpoint; reading, per-line answers and the streamed reply are one request's flow.
/**
 * {@code POST /api/ingest/batch}: NDJSON, one {@code {"type", "data"}} per line. The body is streamed: lines are read
 * as they arrive and ingested one after the other, in order, each exactly as its single endpoint would (the same
 * {@link IngestionType} function), so a line may use what an earlier line created. A bad line is reported with the
 * status its single call would have answered and never stops the others. Lines go in chunks, each committed to the
 * event store at once ({@link GroupCommit}); the answer is written after the last chunk's commit.
 */
@RestController
@Tag(name = "Ingestão: lote", description = "Lote NDJSON com contas, faturas, pagamentos, negociações, Notas Fiscais e serviços (X-Api-Key)")
class BatchIngestionController {
    static final String NDJSON = "application/x-ndjson";
    /** One line is one ingestion body: the single calls' 1 MiB limit. */
    static final int MAX_LINE = 1024 * 1024;
    /** A chunk is handed over after this long even if not full, so that a slow client's lines are not held back. */
    static final Duration CHUNK_WAIT = Duration.ofMillis(20);
    private static final Logger log = LoggerFactory.getLogger(BatchIngestionController.class);

    private final Map<String, IngestionType<?>> types = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final ObjectReader lineReader;
    private final BatchSettings settings;
    private final GroupCommit groupCommit;

    BatchIngestionController(List<IngestionType.Provider> providers, ObjectMapper json, BatchSettings settings,
                             GroupCommit groupCommit) {
        this.settings = settings;
        this.groupCommit = groupCommit;
        providers.forEach(p -> p.ingestionTypes().forEach(t -> {
            if (types.put(t.name(), t) != null) throw new IllegalStateException("Two ingestion types named " + t.name());
        }));
        this.json = json;
        // money stays exact, with the scale it was sent with (more than 2 decimals is a 400, as in the single calls)
        this.lineReader = json.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    record Rejection(long line, int status, String detail, List<Rejected.FieldProblem> errors) {
    }

    record BatchResult(long accepted, long duplicates, List<Rejection> rejected) {
    }

    /** What one line came to. */
    private record Outcome(long line, IngestionAnswer answer, Rejection rejection) {
    }

    @Operation(summary = "Lote NDJSON: uma linha {\"type\", \"data\"} por ingestão, processadas em ordem; linhas ruins são relatadas e não impedem as outras")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = NDJSON,
            schema = @Schema(type = "string", example = "{\"type\": \"payment\", \"data\": {\"accountId\": \"acme\", \"invoiceNumber\": \"2026-000123\", \"amount\": 100.00, \"paidOn\": \"2026-03-10\"}}")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @ApiResponse(responseCode = "413", description = "Content-Length acima de opera360.ingest.batch.max-bytes (nenhuma linha é lida)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/ingest/batch", consumes = NDJSON)
    Mono<ResponseEntity<Object>> batch(ServerHttpRequest request) {
        long length = request.getHeaders().getContentLength();
        if (settings.exceeds(length)) {
            // answered before a byte of the body is read: none of its lines is ingested
            return Mono.just(tooLarge(request, length));
        }
        int chunkLines = settings.getChunkLines();
        return Mono.deferContextual(requestContext -> NdjsonLines.split(request.getBody(), MAX_LINE)
                // a chunk closes when full or when the lines stop coming for a moment (a slow client's lines are not held back)
                .bufferTimeout(chunkLines, CHUNK_WAIT, true)
                .concatMap(chunk -> Mono.fromCallable(() -> groupCommit.run(chunk, line -> ingest(line, requestContext)))
                                        .subscribeOn(Schedulers.boundedElastic()), 1)
                .reduce(new Tally(), Tally::addAll)
                .map(tally -> {
                    log.info("Batch ingested: {} accepted, {} duplicates, {} rejected", tally.accepted, tally.duplicates,
                            tally.rejected.size());
                    return ResponseEntity.ok(new BatchResult(tally.accepted, tally.duplicates, tally.rejected));
                }));
    }

    private ResponseEntity<Object> tooLarge(ServerHttpRequest request, long length) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "O lote tem " + length
                + " bytes e passa do limite de " + settings.getMaxBytes().toBytes()
                + " bytes desta instalação. Divida as linhas em lotes menores e envie cada um.");
        problem.setInstance(URI.create(request.getPath().value()));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * One line, on the chunk's worker thread: its command joins the chunk's unit of work (see {@link GroupCommit}),
     * with the request's context (the ingesting system's identity, the correlation id).
     */
    private Outcome ingest(NdjsonLines.Line line, ContextView requestContext) {
        if (line.oversized()) {
            return new Outcome(line.number(), null, new Rejection(line.number(), HttpStatus.PAYLOAD_TOO_LARGE.value(),
                    "A linha passa do limite de 1 MiB.", List.of()));
        }
        return Mono.defer(() -> dispatch(line.bytes()))
                   .map(answer -> new Outcome(line.number(), answer, null))
                   .onErrorResume(e -> {
                       GroupCommit.rethrowIfChunksConflict(e);
                       return Mono.just(new Outcome(line.number(), null, rejection(line.number(), e)));
                   })
                   .contextWrite(ctx -> ctx.putAll(requestContext).put(Commands.ON_CALLING_THREAD, true))
                   .block();
    }

    private Mono<IngestionAnswer> dispatch(byte[] line) {
        JsonNode node;
        try {
            node = lineReader.readValue(line);
        } catch (IOException e) {
            return Mono.error(Rejected.badRequest("malformed-json", "A linha não é um JSON válido."));
        }
        if (node == null || !node.isObject()) {
            return Mono.error(Rejected.badRequest("malformed-json", "A linha deve ser um objeto JSON {\"type\", \"data\"}."));
        }
        JsonNode typeName = node.get("type");
        IngestionType<?> type = typeName != null && typeName.isTextual() ? types.get(typeName.asText()) : null;
        if (type == null) {
            return Mono.error(Rejected.invalidField("type", "valores aceitos: " + String.join(", ", types.keySet())));
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) return Mono.error(Rejected.invalidField("data", "deve ser um objeto JSON"));
        return run(type, data);
    }

    private <B> Mono<IngestionAnswer> run(IngestionType<B> type, JsonNode data) {
        B body;
        try {
            body = json.treeToValue(data, type.bodyType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // the same mapping as a single call's unreadable body: 400 naming the field
            return Mono.error(new ServerWebInputException("Failed to read HTTP message", null, e));
        }
        return type.ingest().apply(body);
    }

    private static Rejection rejection(long line, Throwable e) {
        ProblemDetail problem = ApiExceptionHandler.problemOf(e);
        List<Rejected.FieldProblem> errors = new ArrayList<>();
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    errors.add(new Rejected.FieldProblem(Objects.toString(m.get("field")), Objects.toString(m.get("message"))));
                }
            }
        }
        return new Rejection(line, problem.getStatus(), problem.getDetail(), errors);
    }

    private static final class Tally {
        long accepted;
        long duplicates;
        final List<Rejection> rejected = new ArrayList<>();

        Tally addAll(List<Outcome> outcomes) {
            outcomes.forEach(this::add);
            return this;
        }

        private Tally add(Outcome outcome) {
            if (outcome.rejection() != null) rejected.add(outcome.rejection());
            else if (outcome.answer().recorded()) accepted++;
            else duplicates++;
            return this;
        }
    }
}
