package br.com.opera360.web.audit;

import br.com.opera360.kernel.audit.AuditEvent;
import br.com.opera360.kernel.audit.FindAuditEvents;
import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.common.Paging;
import br.com.opera360.web.security.PortalUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account's event history for auditors, oldest first; another account's aggregate is simply an empty page. */
@RestController
@Tag(name = "Auditoria", description = "Histórico de eventos da conta")
class AuditController {
    private final QueryGateway queries;
    private final ObjectMapper json;

    AuditController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @Operation(summary = "Eventos da conta, do mais antigo ao mais novo (filtros: aggregateType, aggregateId, from e to inclusivos; paginado)")
    @GetMapping("/api/audit/events")
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    @SuppressWarnings({"rawtypes", "unchecked"})
    Mono<Page<Map<String, Object>>> events(@AuthenticationPrincipal PortalUser user,
                                           @RequestParam(required = false) String aggregateType,
                                           @RequestParam(required = false) String aggregateId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String page,
                                           @RequestParam(required = false) String size) {
        return Mono.fromCallable(() -> {
                       var fields = new Fields();
                       Instant since = fields.instant("from", from);
                       Instant until = fields.instant("to", to);
                       if (since != null && until != null && since.isAfter(until)) fields.reject("from", "deve ser anterior ou igual a to");
                       PageRequest paging = Paging.parse(page, size, fields);
                       fields.check();
                       return new FindAuditEvents(user.accountId(), blankToNull(aggregateType), blankToNull(aggregateId),
                               since, until, paging);
                   })
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, Page.class)))
                   .map(p -> {
                       Page<AuditEvent> events = p;
                       return new Page<>(events.items().stream().map(this::body).toList(), events.page(), events.size(),
                               events.totalItems(), events.totalPages());
                   });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Map<String, Object> body(AuditEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("globalIndex", e.globalIndex());
        body.put("aggregateType", e.aggregateType());
        body.put("aggregateId", e.aggregateId());
        body.put("sequence", e.sequence());
        body.put("eventType", e.eventType());
        body.put("timestamp", e.timestamp());
        body.put("payload", payload(e.payload()));
        body.put("metadata", e.metadata());
        return body;
    }

    private JsonNode payload(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
