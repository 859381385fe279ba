package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.negotiation.GetNegotiation;
import br.com.opera360.kernel.negotiation.NegotiationDetails;
import br.com.opera360.kernel.negotiation.NegotiationId;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/negotiations")
@Tag(name = "Negociações", description = "Parcelamentos de faturas da conta")
class NegotiationController {
    private final QueryGateway queries;

    NegotiationController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "A negociação com faturas negociadas e parcelas")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<NegotiationDetails> get(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
        return find(user, id);
    }

    @Operation(summary = "Planilha das parcelas da negociação (format=csv|xlsx)")
    @GetMapping("/{id}/export")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal PortalUser user, @PathVariable String id,
                                        @RequestParam(required = false) String format) {
        return Mono.fromCallable(() -> Attachments.sheetFormat(format))
                   .flatMap(f -> find(user, id).map(n -> Attachments.sheet(Sheets.negotiation(n), f,
                           "negociacao-" + n.negotiationId())));
    }

    private Mono<NegotiationDetails> find(PortalUser user, String id) {
        if (!InvoiceNumber.isValid(id)) return Mono.error(NegotiationController::notFound);
        var account = user.accountId();
        return Mono.fromFuture(() -> queries.query(new GetNegotiation(account, NegotiationId.of(account, id)), NegotiationDetails.class))
                   .switchIfEmpty(Mono.error(NegotiationController::notFound));
    }

    private static Rejected notFound() {
        return Rejected.notFound("negotiation.not-found", "Negociação não encontrada.");
    }
}
