package br.com.opera360.web.reminder;

import br.com.opera360.kernel.reminder.GetReminderSettings;
import br.com.opera360.kernel.reminder.ReminderSettings;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The account's due-date reminder settings: always the caller's account. */
@RestController
@RequestMapping("/api/account/reminders")
@Tag(name = "Lembretes de vencimento", description = "Resumo diário por e-mail das faturas a vencer e vencidas")
class ReminderController {
    private final QueryGateway queries;
    private final Commands commands;

    ReminderController(QueryGateway queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Operation(summary = "Quando os usuários com Visualizar faturas recebem o resumo: dias antes do vencimento e no primeiro dia de atraso")
    @GetMapping
    @PreAuthorize("hasAuthority('PROFILES_MANAGE')")
    Mono<ReminderSettings> get(@AuthenticationPrincipal PortalUser user) {
        return Mono.fromFuture(() -> queries.query(new GetReminderSettings(user.accountId()), ReminderSettings.class));
    }

    @Operation(summary = "Altera os lembretes: enabled, daysBefore (até 3 números inteiros distintos de 1 a 30), onOverdue")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('PROFILES_MANAGE')")
    Mono<ReminderSettings> put(@AuthenticationPrincipal PortalUser user, @RequestBody ReminderSettingsRequest body) {
        return Mono.fromCallable(() -> body.toCommand(user.accountId()))
                   .flatMap(cmd -> commands.sendAndAwait(cmd, new GetReminderSettings(user.accountId()), ReminderSettings.class))
                   .then(get(user));
    }
}
