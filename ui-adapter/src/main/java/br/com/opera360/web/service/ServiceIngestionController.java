package br.com.opera360.web.service;

import br.com.opera360.kernel.service.ServiceChanges;
import br.com.opera360.kernel.service.ServiceRegistration;
import br.com.opera360.web.common.Commands;
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

import java.util.Map;

@RestController
@Tag(name = "Ingestão: serviços", description = "Serviços contratados e suas mudanças, enviados pelo provisionamento (X-Api-Key)")
class ServiceIngestionController {
    private final Commands commands;

    ServiceIngestionController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Cadastra um serviço contratado (201; reenvio idêntico: 200)")
    @PostMapping(path = "/api/ingest/services", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, String>>> register(@RequestBody RegisterServiceRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(commands::<ServiceRegistration>send)
                   .map(r -> ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                           .body(Map.of("designation", r.designation())));
    }

    @Operation(summary = "Registra mudanças de status, velocidade, endereço ou localização (ficam no histórico)")
    @PatchMapping(path = "/api/ingest/services/{designation}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ServiceChanges> change(@PathVariable String designation, @RequestBody ChangeServiceRequest body) {
        return Mono.fromCallable(() -> body.toCommand(designation))
                   .flatMap(commands::<ServiceChanges>send);
    }
}
