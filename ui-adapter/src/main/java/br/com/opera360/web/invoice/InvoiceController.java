package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.GetBoleto;
import br.com.opera360.kernel.invoice.GetInvoice;
import br.com.opera360.kernel.invoice.GetInvoiceAsOf;
import br.com.opera360.kernel.invoice.GetInvoiceItems;
import br.com.opera360.kernel.invoice.GetInvoiceService;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.GetNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceServiceDetails;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** The portal's invoices: always the caller's account; another account's invoice is simply not found. */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Faturas", description = "Faturas da conta, boleto, Nota Fiscal e planilhas")
class InvoiceController {
    private final QueryGateway queries;

    InvoiceController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Lista as faturas (filtros: year, month, status repetível, dueDate, dueFrom, dueTo; sort=dueDate|issueDate|totalAmount,asc|desc)")
    @GetMapping
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<InvoicePage> list(@AuthenticationPrincipal PortalUser user, @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> InvoiceListQuery.parse(user.accountId(), params))
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, InvoicePage.class)));
    }

    @Operation(summary = "Totais por status: quantidade, soma dos valores e soma dos valores em aberto")
    @GetMapping("/summary")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<List<InvoiceStatusTotal>> summary(@AuthenticationPrincipal PortalUser user) {
        return Mono.fromFuture(() -> queries.query(new GetInvoiceSummary(user.accountId()),
                ResponseTypes.multipleInstancesOf(InvoiceStatusTotal.class)));
    }

    @Operation(summary = "Detalhe da fatura com serviços e o detalhe do status")
    @GetMapping("/{number}")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<InvoiceResponse> get(@AuthenticationPrincipal PortalUser user, @PathVariable String number) {
        return Invoices.idOf(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoice(user.accountId(), id), InvoiceDetails.class)))
                .switchIfEmpty(Mono.error(Invoices::notFound))
                .map(InvoiceResponse::of);
    }

    @Operation(summary = "A fatura como estava no instante asOf, reconstruída dos seus eventos (auditoria)")
    @GetMapping(path = "/{number}", params = "asOf")
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    Mono<InvoiceResponse> getAsOf(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                  @RequestParam String asOf) {
        return Mono.fromCallable(() -> {
                       var fields = new Fields();
                       Instant at = fields.instant("asOf", asOf);
                       if (at == null) fields.reject("asOf", "é obrigatório");
                       fields.check();
                       return at;
                   })
                   .flatMap(at -> Invoices.idOf(user, number).flatMap(id -> Mono.fromFuture(() ->
                           queries.query(new GetInvoiceAsOf(user.accountId(), id, at), InvoiceDetails.class))))
                   .switchIfEmpty(Mono.error(Invoices::notFound))
                   .map(InvoiceResponse::of);
    }

    @Operation(summary = "Planilha dos serviços e itens da fatura (format=csv|xlsx)")
    @GetMapping("/{number}/services/export")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<ResponseEntity<byte[]>> exportServices(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                                @RequestParam(required = false) String format) {
        return Mono.fromCallable(() -> Attachments.sheetFormat(format))
                   .flatMap(f -> Invoices.idOf(user, number)
                           .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoiceItems(user.accountId(), id), InvoiceItems.class)))
                           .switchIfEmpty(Mono.error(Invoices::notFound))
                           .map(items -> Attachments.sheet(Sheets.invoiceServices(items), f, "fatura-" + items.number() + "-servicos")));
    }

    @Operation(summary = "Um serviço da fatura com seus itens")
    @GetMapping("/{number}/services/{designation}")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<InvoiceServiceDetails> service(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                        @PathVariable String designation) {
        return Invoices.idOf(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoiceService(user.accountId(), id, designation),
                        InvoiceServiceDetails.class)))
                .switchIfEmpty(Mono.error(() -> Rejected.notFound("invoice-service.not-found",
                        "Serviço não encontrado nesta fatura.")));
    }

    @Operation(summary = "Boleto da fatura (JSON; com Accept: application/pdf, o PDF para impressão). Boleto híbrido: "
            + "quando o Pix está configurado, 'pix' traz o mesmo objeto de /pix e o PDF mostra o QR code e o Pix Copia e Cola.")
    @GetMapping("/{number}/boleto")
    @PreAuthorize("hasAuthority('INVOICES_BOLETO')")
    Mono<ResponseEntity<?>> boleto(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                   ServerWebExchange exchange) {
        boolean pdf = exchange.getRequest().getHeaders().getAccept().stream()
                              .anyMatch(t -> t.getType().equals("application") && t.getSubtype().equals("pdf"));
        return Invoices.idOf(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetBoleto(user.accountId(), id), BoletoDetails.class)))
                .switchIfEmpty(Mono.error(Invoices::notFound))
                .map(BoletoResponse::requirePrintable)
                .map(b -> pdf ? Attachments.inline(MediaType.APPLICATION_PDF, "boleto-" + b.invoiceNumber() + ".pdf", BoletoPdf.render(b))
                        : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(BoletoResponse.of(b)));
    }

    @Operation(summary = "Nota Fiscal da fatura: zip com o XML (como recebido) e o PDF")
    @GetMapping("/{number}/nota-fiscal")
    @PreAuthorize("hasAuthority('INVOICES_NOTA_FISCAL')")
    Mono<ResponseEntity<byte[]>> notaFiscal(@AuthenticationPrincipal PortalUser user, @PathVariable String number) {
        return Invoices.idOf(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetNotaFiscal(user.accountId(), id), NotaFiscalDocument.class)))
                .switchIfEmpty(Mono.error(() -> Rejected.notFound("nota-fiscal.not-found",
                        "Nenhuma Nota Fiscal foi emitida para esta fatura.")))
                .map(nf -> Attachments.file(MediaType.parseMediaType("application/zip"),
                        "nota-fiscal-" + nf.invoiceNumber() + ".zip", NotaFiscalZip.of(nf)));
    }
}
