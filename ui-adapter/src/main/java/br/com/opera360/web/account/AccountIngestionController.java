package br.com.opera360.web.account;

import br.com.opera360.kernel.account.AccountDetails;
import br.com.opera360.kernel.account.AccountRegistration;
import br.com.opera360.kernel.account.GetAccount;
import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.common.IngestionAnswer;
import br.com.opera360.web.common.IngestionType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Ingestão: contas", description = "Cadastro de contas de clientes pelo faturamento (X-Api-Key)")
class AccountIngestionController implements IngestionType.Provider {
    private final Commands commands;
    private final QueryGateway queries;

    AccountIngestionController(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public List<IngestionType<?>> ingestionTypes() {
        return List.of(new IngestionType<>("account", RegisterAccountRequest.class, this::account));
    }

    @Operation(summary = "Cadastra uma conta de cliente, o perfil Administrador e o usuário Administrador")
    @PostMapping(path = "/api/ingest/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> register(@RequestBody RegisterAccountRequest body) {
        // never in a group commit (SingleIngestions): the Administrator's temporary password is hashed after the
        // commit, on the committing thread, and a tenth of a second of BCrypt would hold every request of its group
        return account(body).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> account(RegisterAccountRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(commands::<AccountRegistration>send)
                   .map(r -> IngestionAnswer.of(r.created(), Map.of("accountId", r.accountId())));
    }

    @Operation(summary = "Conta de cliente como o portal a vê (operação)")
    @GetMapping("/api/ops/accounts/{accountId}")
    Mono<AccountDetails> get(@PathVariable String accountId) {
        return Mono.fromCallable(() -> new AccountId(accountId))
                   .onErrorMap(IllegalArgumentException.class, e -> notFound())
                   .flatMap(id -> Mono.fromFuture(() -> queries.query(new GetAccount(id), AccountDetails.class)))
                   .switchIfEmpty(Mono.error(AccountIngestionController::notFound));
    }

    private static Rejected notFound() {
        return Rejected.notFound("account.not-found", "Conta não encontrada.");
    }
}
