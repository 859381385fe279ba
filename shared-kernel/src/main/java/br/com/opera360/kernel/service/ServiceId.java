package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.AccountId;

import java.util.Objects;

/** A service's aggregate id: the designation is unique within the account, so the pair is the identity. */
public record ServiceId(String value) {
    public ServiceId {
        Objects.requireNonNull(value, "serviceId");
    }

    public static ServiceId of(AccountId accountId, Designation designation) {
        // ':' never occurs in an AccountId, so the pair cannot be read two ways
        return new ServiceId(accountId.value() + ":" + designation.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
