package br.com.opera360.web.ops;

import br.com.opera360.app.projection.ProjectionOperations;
import br.com.opera360.app.projection.ProjectionOperations.ProjectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Projection status and replay (X-Api-Key, see {@link ProjectionOperations}). */
@RestController
@Tag(name = "Operação: projeções", description = "Estado das projeções e reprocessamento a partir do event store (X-Api-Key)")
class ProjectionController {
    /**
     * Blocking work (event store head, processor shutdown and token reset) runs on a worker that a cancelled request
     * never interrupts: an interrupt during H2 file I/O closes the embedded event store.
     */
    private static final Executor WORKER = task -> Schedulers.boundedElastic().schedule(task);
    private final ProjectionOperations projections;

    ProjectionController(ProjectionOperations projections) {
        this.projections = projections;
    }

    @Operation(summary = "Lista as projeções: posição, posição do event store, atraso, reprocessamento e estado")
    @GetMapping("/api/ops/projections")
    Mono<List<ProjectionStatus>> list() {
        return Mono.fromFuture(() -> CompletableFuture.supplyAsync(projections::list, WORKER));
    }

    @Operation(summary = "Reprocessa uma projeção: reconstrói o modelo de leitura a partir do event store enquanto a "
            + "versão atual continua respondendo (202); 404 projeção desconhecida; 409 já em reprocessamento ou com efeitos colaterais")
    @PostMapping("/api/ops/projections/{name}/replay")
    Mono<ResponseEntity<Map<String, Object>>> replay(@PathVariable String name) {
        return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> projections.replay(name), WORKER))
                   .map(started -> {
                       Map<String, Object> body = new LinkedHashMap<>();
                       body.put("name", started.name());
                       body.put("status", "REPLAYING");
                       body.put("generation", started.generation());
                       return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
                   });
    }
}
