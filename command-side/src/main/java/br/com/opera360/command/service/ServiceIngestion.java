package br.com.opera360.command.service;

import br.com.opera360.command.common.Aggregates;
import br.com.opera360.command.common.IdempotentCreation;
import br.com.opera360.command.account.AccountDirectory;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.service.ChangeService;
import br.com.opera360.kernel.service.RegisterService;
import br.com.opera360.kernel.service.ServiceChanges;
import br.com.opera360.kernel.service.ServiceRegistration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Provisioning's facts about services. The repository locks the service's id for the unit of work, so concurrent
 * registrations or changes of one designation are serialized; a registration is an {@link IdempotentCreation}.
 */
@Component
class ServiceIngestion {
    private final Repository<Service> services;
    private final AccountDirectory accounts;

    ServiceIngestion(Repository<Service> services, AccountDirectory accounts) {
        this.services = services;
        this.accounts = accounts;
    }

    @CommandHandler
    ServiceRegistration handle(RegisterService cmd) throws Exception {
        var creation = IdempotentCreation.of(services, cmd.serviceId().value(), Service::unregistered,
                Service::isRegistered, s -> s.isSameRegistration(cmd), () -> Rejected.conflict("service.exists",
                        "Já existe um serviço com a designação " + cmd.designation().value() + " nesta conta, com outros dados."
                        + " Reenvie exatamente o cadastro original ou envie as mudanças por PATCH."));
        if (creation.isDuplicate()) return new ServiceRegistration(cmd.designation().value(), false);
        if (!accounts.isRegistered(cmd.accountId().value())) {
            throw Rejected.notFound("account.not-found", "Conta " + cmd.accountId().value()
                    + " não encontrada: cadastre a conta (POST /api/ingest/accounts) antes dos seus serviços.");
        }
        creation.aggregate().execute(s -> s.register(cmd));
        return new ServiceRegistration(cmd.designation().value(), true);
    }

    @CommandHandler
    ServiceChanges handle(ChangeService cmd) {
        Aggregate<Service> service = Aggregates.find(services, cmd.serviceId().value()).orElseThrow(() -> Rejected.notFound("service.not-found", "Serviço " + cmd.designation().value()
                    + " não encontrado na conta " + cmd.accountId().value() + ". Confira a designação e o accountId."));
        return new ServiceChanges(cmd.designation().value(), service.invoke(s -> s.change(cmd)));
    }
}
