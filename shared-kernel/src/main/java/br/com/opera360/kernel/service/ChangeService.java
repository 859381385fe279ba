package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Provisioning reports a change; every null part stays as it is. A change that changes nothing records nothing. */
public record ChangeService(@TargetAggregateIdentifier ServiceId serviceId, AccountId accountId, Designation designation,
                            ServiceStatus status, Integer speedMbps, Address address, Location location) {
    public ChangeService {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(designation, "designation");
        if (!ServiceId.of(accountId, designation).equals(serviceId)) throw new IllegalArgumentException("serviceId: não corresponde à designação");
        if (speedMbps != null) Speed.require(speedMbps);
    }

    public static ChangeService of(AccountId accountId, Designation designation, ServiceStatus status, Integer speedMbps,
                                   Address address, Location location) {
        return new ChangeService(ServiceId.of(accountId, designation), accountId, designation, status, speedMbps, address, location);
    }
}
