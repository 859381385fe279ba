package br.com.opera360.web.service;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.service.ServiceChanges;
import br.com.opera360.kernel.service.ServiceRegistration;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.common.IngestionAnswer;
import br.com.opera360.web.common.IngestionType;
import br.com.opera360.web.common.SingleIngestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Ingestão: serviços", description = "Serviços contratados e suas mudanças, enviados pelo provisionamento (X-Api-Key)")
class ServiceIngestionController implements IngestionType.Provider {
    private final Commands commands;
    private final SingleIngestions ingestions;

    ServiceIngestionController(Commands commands, SingleIngestions ingestions) {
        this.commands = commands;
        this.ingestions = ingestions;
    }

    /** A batch line's {@code serviceChange} data: the PATCH body plus the designation of its path. */
    record ServiceChangeLine(String designation, String accountId, String status, BigDecimal speedMbps, AddressBody address,
                             LocationBody location) {
    }

    @Override
    public List<IngestionType<?>> ingestionTypes() {
        return List.of(new IngestionType<>("service", RegisterServiceRequest.class, this::service),
                new IngestionType<>("serviceChange", ServiceChangeLine.class, line -> {
                    if (line.designation() == null || line.designation().isBlank()) {
                        return Mono.error(Rejected.invalidField("designation", "é obrigatório"));
                    }
                    return changeOf(line.designation(), new ChangeServiceRequest(line.accountId(), line.status(),
                            line.speedMbps(), line.address(), line.location()));
                }));
    }

    @Operation(summary = "Cadastra um serviço contratado (201; reenvio idêntico: 200)")
    @PostMapping(path = "/api/ingest/services", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> register(@RequestBody RegisterServiceRequest body) {
        return ingestions.run(service(body)).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> service(RegisterServiceRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(commands::<ServiceRegistration>send)
                   .map(r -> IngestionAnswer.of(r.created(), Map.of("designation", r.designation())));
    }

    @Operation(summary = "Registra mudanças de status, velocidade, endereço ou localização (ficam no histórico)")
    @PatchMapping(path = "/api/ingest/services/{designation}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> change(@PathVariable String designation, @RequestBody ChangeServiceRequest body) {
        return ingestions.run(changeOf(designation, body)).map(IngestionAnswer::toResponse);
    }

    /** Always 200; recorded only when something changed. */
    Mono<IngestionAnswer> changeOf(String designation, ChangeServiceRequest body) {
        return Mono.fromCallable(() -> body.toCommand(designation))
                   .flatMap(commands::<ServiceChanges>send)
                   .map(r -> new IngestionAnswer(HttpStatus.OK, r, !r.changes().isEmpty()));
    }
}
