package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.GetBoleto;
import br.com.opera360.kernel.invoice.GetInvoice;
import br.com.opera360.kernel.invoice.GetInvoiceAsOf;
import br.com.opera360.kernel.invoice.GetInvoiceItems;
import br.com.opera360.kernel.invoice.GetInvoiceService;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.GetNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceServiceDetails;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The portal's invoices: always the caller's account; another account's invoice is simply not found. */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Faturas", description = "Faturas da conta, boleto, Nota Fiscal e planilhas")
class InvoiceController {
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final Set<String> LIST_PARAMETERS = Set.of("year", "month", "status", "dueDate", "dueFrom", "dueTo", "sort", "page", "size");

    private final QueryGateway queries;

    InvoiceController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Lista as faturas (filtros: year, month, status repetível, dueDate, dueFrom, dueTo; sort=dueDate|issueDate|totalAmount,asc|desc)")
    @GetMapping
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<InvoicePage> list(@AuthenticationPrincipal PortalUser user, @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> findInvoices(account(user), params))
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, InvoicePage.class)));
    }

    /** Turns the list's query parameters into the query; every bad parameter is reported in one 400. */
    static FindInvoices findInvoices(AccountId account, MultiValueMap<String, String> params) {
        var fields = new Fields();
        Integer year = integer(fields, "year", single(params, "year"));
        Integer month = integer(fields, "month", single(params, "month"));
        if (month != null && (month < 1 || month > 12)) fields.reject("month", "deve estar entre 1 e 12");
        if (month != null && year == null) fields.reject("year", "é obrigatório quando month é informado");
        if (year != null && (year < 1900 || year > 9999)) fields.reject("year", "ano inválido");
        Set<InvoiceStatus> statuses = EnumSet.noneOf(InvoiceStatus.class);
        for (String raw : params.getOrDefault("status", List.of())) {
            for (String s : raw.split(",")) {
                if (s.isBlank()) continue;
                try {
                    statuses.add(InvoiceStatus.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    fields.reject("status", "valores aceitos: OPEN, PENDING, INSTALLMENT, PAID");
                }
            }
        }
        LocalDate dueDate = date(fields, "dueDate", single(params, "dueDate"));
        LocalDate dueFrom = date(fields, "dueFrom", single(params, "dueFrom"));
        LocalDate dueTo = date(fields, "dueTo", single(params, "dueTo"));
        InvoiceSortField sortBy = InvoiceSortField.DUE_DATE;
        boolean ascending = false;
        String sort = single(params, "sort");
        if (sort != null) {
            String[] parts = sort.split(",", -1);
            try {
                sortBy = InvoiceSortField.fromParameter(parts[0].strip());
            } catch (IllegalArgumentException e) {
                fields.reject("sort", e.getMessage());
            }
            if (parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
                fields.reject("sort", "use campo,asc ou campo,desc");
            } else {
                ascending = parts.length == 1 || parts[1].strip().equalsIgnoreCase("asc");
            }
        }
        PageRequest page = pageRequest(fields, params);
        fields.check();
        return new FindInvoices(account, year, month, statuses, dueDate, dueFrom, dueTo, sortBy, ascending, page);
    }

    static PageRequest pageRequest(Fields fields, MultiValueMap<String, String> params) {
        Integer page = integer(fields, "page", single(params, "page"));
        Integer size = integer(fields, "size", single(params, "size"));
        if (page != null && page < 0) fields.reject("page", "deve ser maior ou igual a 0");
        if (size != null && (size < 1 || size > PageRequest.MAX_SIZE)) fields.reject("size", "deve estar entre 1 e " + PageRequest.MAX_SIZE);
        if (page != null && size != null && (long) page * size > Integer.MAX_VALUE) fields.reject("page", "página grande demais");
        return fields.parse("page", () -> new PageRequest(page == null || page < 0 ? 0 : page,
                size == null || size < 1 || size > PageRequest.MAX_SIZE ? PageRequest.DEFAULT_SIZE : size));
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static Integer integer(Fields fields, String name, String value) {
        if (value == null) return null;
        return fields.parse(name, () -> {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("deve ser um número inteiro");
            }
        });
    }

    private static LocalDate date(Fields fields, String name, String value) {
        return value == null ? null : RequestValues.date(fields, name, value, true);
    }

    @Operation(summary = "Totais por status: quantidade, soma dos valores e soma dos valores em aberto")
    @GetMapping("/summary")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<List<InvoiceStatusTotal>> summary(@AuthenticationPrincipal PortalUser user) {
        return Mono.fromFuture(() -> queries.query(new GetInvoiceSummary(account(user)),
                ResponseTypes.multipleInstancesOf(InvoiceStatusTotal.class)));
    }

    @Operation(summary = "Detalhe da fatura com serviços e o detalhe do status")
    @GetMapping("/{number}")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<Map<String, Object>> get(@AuthenticationPrincipal PortalUser user, @PathVariable String number) {
        return invoiceId(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoice(account(user), id), InvoiceDetails.class)))
                .switchIfEmpty(Mono.error(InvoiceController::invoiceNotFound))
                .map(InvoiceController::json);
    }

    @Operation(summary = "A fatura como estava no instante asOf, reconstruída dos seus eventos (auditoria)")
    @GetMapping(path = "/{number}", params = "asOf")
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    Mono<Map<String, Object>> getAsOf(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                      @RequestParam String asOf) {
        return Mono.fromCallable(() -> {
                       var fields = new Fields();
                       Instant at = fields.instant("asOf", asOf);
                       if (at == null) fields.reject("asOf", "é obrigatório");
                       fields.check();
                       return at;
                   })
                   .flatMap(at -> invoiceId(user, number)
                           .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoiceAsOf(account(user), id, at), InvoiceDetails.class))))
                   .switchIfEmpty(Mono.error(InvoiceController::invoiceNotFound))
                   .map(InvoiceController::json);
    }

    static Map<String, Object> json(InvoiceDetails d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", d.number());
        body.put("issueDate", d.issueDate());
        body.put("dueDate", d.dueDate());
        body.put("totalAmount", d.totalAmount());
        body.put("amountDue", d.amountDue());
        body.put("issuer", d.issuer());
        body.put("issuerCnpj", d.issuerCnpj());
        body.put("status", d.status());
        body.put("statusLabel", d.statusLabel());
        body.put("daysOverdue", d.daysOverdue());
        body.put("daysUntilDue", d.daysUntilDue());
        body.put("services", d.services());
        body.put("statusDetail", switch (d.status()) {
            case PENDING -> d.pending();
            case OPEN -> d.open();
            case INSTALLMENT -> d.negotiation();
            case PAID -> d.paid();
        });
        return body;
    }

    @Operation(summary = "Planilha dos serviços e itens da fatura (format=csv|xlsx)")
    @GetMapping("/{number}/services/export")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<ResponseEntity<byte[]>> exportServices(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                                @RequestParam(required = false) String format) {
        return Mono.fromCallable(() -> SheetFormat.parse(format))
                   .flatMap(f -> invoiceId(user, number)
                           .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoiceItems(account(user), id), InvoiceItems.class)))
                           .switchIfEmpty(Mono.error(InvoiceController::invoiceNotFound))
                           .map(items -> attachment(Sheets.invoiceServices(items), f, "fatura-" + items.number() + "-servicos")));
    }

    @Operation(summary = "Um serviço da fatura com seus itens")
    @GetMapping("/{number}/services/{designation}")
    @PreAuthorize("hasAuthority('INVOICES_VIEW')")
    Mono<InvoiceServiceDetails> service(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                        @PathVariable String designation) {
        return invoiceId(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetInvoiceService(account(user), id, designation),
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
        return invoiceId(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetBoleto(account(user), id), BoletoDetails.class)))
                .switchIfEmpty(Mono.error(InvoiceController::invoiceNotFound))
                .map(b -> {
                    if (!b.payable()) {
                        throw Rejected.conflict("boleto.not-payable", b.status() == InvoiceStatus.PAID
                                ? "A fatura " + b.invoiceNumber() + " já está paga: não há boleto a emitir."
                                : "A fatura " + b.invoiceNumber() + " está parcelada: pague pelos boletos das parcelas da negociação.");
                    }
                    if (b.barcode() == null) {
                        throw Rejected.conflict("boleto.out-of-range", "A fatura " + b.invoiceNumber()
                                + " não pode ser paga por boleto (valor ou vencimento fora do padrão FEBRABAN). Procure a Central de Atendimento.");
                    }
                    if (pdf) {
                        return ResponseEntity.ok().contentType(PDF)
                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                        .filename("boleto-" + b.invoiceNumber() + ".pdf").build().toString())
                                .body(BoletoPdf.render(b));
                    }
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(boletoJson(b));
                });
    }

    static Map<String, Object> boletoJson(BoletoDetails b) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bankCode", b.bankCode());
        body.put("digitableLine", b.digitableLine());
        body.put("barcode", b.barcode());
        body.put("amount", b.amount());
        body.put("dueDate", b.dueDate());
        body.put("beneficiary", b.beneficiary());
        body.put("payer", b.payer());
        body.put("ourNumber", b.ourNumber());
        body.put("pix", b.pix());
        return body;
    }

    @Operation(summary = "Nota Fiscal da fatura: zip com o XML (como recebido) e o PDF")
    @GetMapping("/{number}/nota-fiscal")
    @PreAuthorize("hasAuthority('INVOICES_NOTA_FISCAL')")
    Mono<ResponseEntity<byte[]>> notaFiscal(@AuthenticationPrincipal PortalUser user, @PathVariable String number) {
        return invoiceId(user, number)
                .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetNotaFiscal(account(user), id), NotaFiscalDocument.class)))
                .switchIfEmpty(Mono.error(() -> Rejected.notFound("nota-fiscal.not-found",
                        "Nenhuma Nota Fiscal foi emitida para esta fatura.")))
                .map(nf -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("nota-fiscal-" + nf.invoiceNumber() + ".zip").build().toString())
                        .body(notaFiscalZip(nf)));
    }

    static byte[] notaFiscalZip(NotaFiscalDocument nf) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("NFe" + nf.accessKey() + ".xml"));
            zip.write(nf.xml().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("DANFE-" + nf.number() + ".pdf"));
            zip.write(DanfePdf.render(nf));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static ResponseEntity<byte[]> attachment(Spreadsheet sheet, SheetFormat format, String baseName) {
        boolean csv = format == SheetFormat.CSV;
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(baseName + (csv ? ".csv" : ".xlsx")).build().toString())
                .body(csv ? sheet.csv() : sheet.xlsx());
    }

    static AccountId account(PortalUser user) {
        return user.accountId();
    }

    /** A malformed number is simply unknown (404). */
    private static Mono<InvoiceId> invoiceId(PortalUser user, String number) {
        if (!InvoiceNumber.isValid(number)) return Mono.error(InvoiceController::invoiceNotFound);
        return Mono.just(InvoiceId.of(account(user), number));
    }

    static Rejected invoiceNotFound() {
        return Rejected.notFound("invoice.not-found", "Fatura não encontrada.");
    }
}
