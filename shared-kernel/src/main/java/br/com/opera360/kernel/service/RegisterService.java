package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/** Provisioning registers a contracted service. {@code activatedOn} and {@code location} are optional. */
public record RegisterService(@TargetAggregateIdentifier ServiceId serviceId, AccountId accountId, Designation designation,
                              String serviceType, String contract, String clientCode, int speedMbps,
                              ServiceStatus status, LocalDate activatedOn, Address address, Location location) {
    public RegisterService {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(designation, "designation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(address, "address");
        if (!ServiceId.of(accountId, designation).equals(serviceId)) throw new IllegalArgumentException("serviceId: não corresponde à designação");
        serviceType = Address.text(serviceType, "serviceType", 60, true);
        contract = Address.text(contract, "contract", 60, true);
        clientCode = Address.text(clientCode, "clientCode", 60, true);
        Speed.require(speedMbps);
    }

    public static RegisterService of(AccountId accountId, Designation designation, String serviceType, String contract,
                                     String clientCode, int speedMbps, ServiceStatus status, LocalDate activatedOn,
                                     Address address, Location location) {
        return new RegisterService(ServiceId.of(accountId, designation), accountId, designation, serviceType, contract,
                clientCode, speedMbps, status, activatedOn, address, location);
    }
}
