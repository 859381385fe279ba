package br.com.opera360.web.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.service.BoundingBox;
import br.com.opera360.kernel.service.CepServices;
import br.com.opera360.kernel.service.Designation;
import br.com.opera360.kernel.service.FindServiceMap;
import br.com.opera360.kernel.service.FindServiceTypes;
import br.com.opera360.kernel.service.FindServices;
import br.com.opera360.kernel.service.GetCepServices;
import br.com.opera360.kernel.service.GetService;
import br.com.opera360.kernel.service.MapCircle;
import br.com.opera360.kernel.service.ServiceDetails;
import br.com.opera360.kernel.service.ServiceId;
import br.com.opera360.kernel.service.ServiceTypeCount;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.common.Paging;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

@RestController
@RequestMapping("/api/services")
@Tag(name = "Serviços", description = "Serviços contratados: lista, tipos, detalhe com histórico e mapa por CEP")
class ServiceController {
    private final QueryGateway queries;

    ServiceController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Lista paginada de serviços contratados, com filtros")
    @GetMapping
    @PreAuthorize("hasAuthority('SERVICES_VIEW')")
    @SuppressWarnings("rawtypes")
    Mono<Page> list(@AuthenticationPrincipal PortalUser user,
                    @RequestParam(required = false) String designation, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String city, @RequestParam(required = false) String contract,
                    @RequestParam(required = false) String clientCode, @RequestParam(required = false) String speedMbps,
                    @RequestParam(required = false) List<String> status, @RequestParam(required = false) List<String> serviceType,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return Mono.fromCallable(() -> {
                       var fields = new Fields();
                       var filter = ServiceListParameters.parse(designation, state, city, contract, clientCode, speedMbps,
                               status, serviceType, fields);
                       PageRequest paging = Paging.parse(page, size, fields);
                       fields.check();
                       return new FindServices(accountOf(user), filter, paging.page(), paging.size());
                   })
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, Page.class)));
    }

    @Operation(summary = "Quantidade de serviços por tipo (todos os status)")
    @GetMapping("/types")
    @PreAuthorize("hasAuthority('SERVICES_VIEW')")
    Mono<List<ServiceTypeCount>> types(@AuthenticationPrincipal PortalUser user) {
        return Mono.fromFuture(() -> queries.query(new FindServiceTypes(accountOf(user)),
                ResponseTypes.multipleInstancesOf(ServiceTypeCount.class)));
    }

    @Operation(summary = "Círculos do mapa: um por CEP dentro da janela bbox=minLon,minLat,maxLon,maxLat")
    @GetMapping("/map")
    @PreAuthorize("hasAuthority('SERVICES_MAP')")
    Mono<List<MapCircle>> map(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String bbox) {
        return Mono.fromCallable(() -> new FindServiceMap(accountOf(user), boundingBox(bbox)))
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, ResponseTypes.multipleInstancesOf(MapCircle.class))));
    }

    @Operation(summary = "Endereço e serviços de um CEP do mapa")
    @GetMapping("/map/{cep}")
    @PreAuthorize("hasAuthority('SERVICES_MAP')")
    Mono<CepServices> cep(@AuthenticationPrincipal PortalUser user, @PathVariable String cep) {
        return Mono.fromCallable(() -> new GetCepServices(accountOf(user), new Cep(cep)))
                   .onErrorMap(IllegalArgumentException.class, e -> cepNotFound())
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, CepServices.class)))
                   .switchIfEmpty(Mono.error(ServiceController::cepNotFound));
    }

    @Operation(summary = "Detalhe de um serviço com o histórico de mudanças")
    @GetMapping("/{designation}")
    @PreAuthorize("hasAuthority('SERVICES_VIEW')")
    Mono<ServiceDetails> get(@AuthenticationPrincipal PortalUser user, @PathVariable String designation) {
        return Mono.fromCallable(() -> {
                       AccountId account = accountOf(user);
                       return new GetService(account, ServiceId.of(account, new Designation(designation)));
                   })
                   .onErrorMap(IllegalArgumentException.class, e -> serviceNotFound())
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, ServiceDetails.class)))
                   .switchIfEmpty(Mono.error(ServiceController::serviceNotFound));
    }

    private static AccountId accountOf(PortalUser user) {
        return user.accountId();
    }

    static BoundingBox boundingBox(String bbox) {
        if (bbox == null || bbox.isBlank()) throw Rejected.invalidField("bbox", "é obrigatório: minLon,minLat,maxLon,maxLat");
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw Rejected.invalidField("bbox", "deve ter 4 números separados por vírgula: minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw Rejected.invalidField("bbox", "'" + parts[i].strip() + "' não é um número");
            }
            if (!Double.isFinite(v[i]) || parts[i].strip().matches(".*[A-Za-z].*")) {
                throw Rejected.invalidField("bbox", "'" + parts[i].strip() + "' não é um número");
            }
        }
        try {
            return new BoundingBox(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw Rejected.invalidField("bbox", e.getMessage());
        }
    }

    private static Rejected serviceNotFound() {
        return Rejected.notFound("service.not-found", "Serviço não encontrado. Confira a designação.");
    }

    private static Rejected cepNotFound() {
        return Rejected.notFound("cep.not-found", "Nenhum serviço com localização neste CEP.");
    }
}
