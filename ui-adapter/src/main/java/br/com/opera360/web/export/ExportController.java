package br.com.opera360.web.export;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.kernel.export.ExportFiles;
import br.com.opera360.kernel.export.ExportFormat;
import br.com.opera360.kernel.export.ExportId;
import br.com.opera360.kernel.export.ExportQuery;
import br.com.opera360.kernel.export.ExportStatus;
import br.com.opera360.kernel.export.GetNotification;
import br.com.opera360.kernel.export.NotificationDetails;
import br.com.opera360.kernel.export.RequestExport;
import br.com.opera360.kernel.export.WatchNotifications;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Asynchronous exports of the invoice and service lists; only the requester sees and downloads the file. */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "Exportações", description = "Exportação assíncrona das listas de faturas e serviços (CSV ou XLSX)")
class ExportController {
    private static final Logger log = LoggerFactory.getLogger(ExportController.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(5);

    private final Commands commands;
    private final QueryGateway queries;
    private final ExportFiles files;
    private final Clock clock;

    ExportController(Commands commands, QueryGateway queries, ExportFiles files, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.files = files;
        this.clock = clock;
    }

    @Operation(summary = "Pede a exportação de uma lista (dataset invoices|services, format csv|xlsx, filters da lista); 202 {exportId}")
    @PostMapping
    @PreAuthorize("hasAnyAuthority('INVOICES_EXPORT', 'SERVICES_EXPORT')")
    Mono<ResponseEntity<Map<String, String>>> request(@AuthenticationPrincipal PortalUser user,
                                                      @RequestBody RequestExportRequest body) {
        return Mono.fromCallable(() -> command(user, body))
                   .flatMap(cmd -> {
                       // read-your-writes: the 202 waits (up to 5 s) until the notification list shows the request
                       var subscription = queries.subscriptionQuery(new WatchNotifications(user.accountId(), user.userId()),
                               ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(NotificationDetails.class));
                       String id = cmd.exportId().value();
                       return commands.send(cmd)
                                      .then(subscription.updates().filter(n -> id.equals(n.exportId())).next()
                                                        .timeout(VIEW_WAIT)
                                                        .onErrorResume(TimeoutException.class, e -> {
                                                            log.warn("Notification of export {} not shown within {}", id, VIEW_WAIT);
                                                            return Mono.empty();
                                                        }))
                                      .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("exportId", id)))
                                      .doFinally(signal -> subscription.close());
                   });
    }

    private RequestExport command(PortalUser user, RequestExportRequest body) {
        if (body == null) throw Rejected.badRequest("validation", "Informe dataset, format e filters.");
        var fields = new Fields();
        ExportDataset dataset = fields.parse("dataset", () -> ExportDataset.parse(body.dataset()));
        ExportFormat format = fields.parse("format", () -> ExportFormat.parse(body.format()));
        if (dataset != null && !user.functionalities().contains(dataset.right())) {
            throw new Rejected(Rejected.Kind.FORBIDDEN, "forbidden", "Seu perfil não dá acesso a esta funcionalidade.", List.of());
        }
        Map<String, List<String>> filters = dataset == null ? Map.of() : ExportFilters.normalize(dataset, body.filters(), fields);
        fields.check();
        // the list's own rules, once: a bad value is a 400 now, and the file is produced from this query
        ExportQuery query = ExportFilters.parse(dataset, user.accountId(), filters);
        return new RequestExport(ExportId.generate(), user.accountId(), user.userId(), dataset, format, filters, query,
                clock.instant());
    }

    @Operation(summary = "Baixa o arquivo de uma exportação pronta (somente quem pediu); 410 depois de expiresAt")
    @GetMapping("/{id}/file")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@AuthenticationPrincipal PortalUser user, @PathVariable String id) {
        if (!ExportId.isValid(id)) return Mono.error(ExportController::notFound);
        var exportId = new ExportId(id);
        return Mono.fromFuture(() -> queries.query(new GetNotification(user.accountId(), user.userId(), exportId), NotificationDetails.class))
                   .switchIfEmpty(Mono.error(ExportController::notFound))
                   .flatMap(n -> {
                       if (n.status() == ExportStatus.EXPIRED) return Mono.error(ExportController::gone);
                       if (n.status() != ExportStatus.READY) {
                           return Mono.error(() -> Rejected.conflict("export.not-ready", n.status() == ExportStatus.FAILED
                                   ? "Esta exportação falhou: peça uma nova."
                                   : "A exportação ainda não está pronta: acompanhe o andamento nas notificações."));
                       }
                       return Mono.fromCallable(() -> files.open(exportId))
                                  .subscribeOn(Schedulers.boundedElastic())
                                  .flatMap(opened -> opened.map(Mono::just).orElseGet(() -> Mono.error(ExportController::gone)))
                                  .map(in -> {
                                      Flux<DataBuffer> bytes = DataBufferUtils.readInputStream(() -> in,
                                              DefaultDataBufferFactory.sharedInstance, 64 * 1024)
                                              .subscribeOn(Schedulers.boundedElastic());
                                      var format = ExportFormat.parse(n.format());
                                      return ResponseEntity.ok()
                                              .contentType(MediaType.parseMediaType(format.mediaType()))
                                              .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                                      .filename(n.fileName(), StandardCharsets.UTF_8).build().toString())
                                              .body(bytes);
                                  });
                   });
    }

    private static Rejected notFound() {
        return Rejected.notFound("export.not-found", "Exportação não encontrada.");
    }

    private static Rejected gone() {
        return new Rejected(Rejected.Kind.GONE, "export.expired",
                "O arquivo desta exportação expirou e foi apagado: peça uma nova exportação.", List.of());
    }
}
