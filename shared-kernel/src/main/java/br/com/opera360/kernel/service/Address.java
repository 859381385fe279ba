package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Uf;

import java.util.Objects;

/** A validated installation address: the CEP must lie in the ranges the Correios assign to the UF. */
public record Address(String street, String number, String complement, String district, String city, Uf state, Cep cep) {
    public Address {
        street = text(street, "street", 200, true);
        number = text(number, "number", 20, true);
        complement = text(complement, "complement", 100, false);
        district = text(district, "district", 100, false);
        city = text(city, "city", 100, true);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cep, "cep");
        if (!state.owns(cep)) {
            throw new IllegalArgumentException("cep: CEP " + cep.value() + " não pertence à UF " + state.name()
                    + " (" + state.label() + ") segundo as faixas de CEP dos Correios");
        }
    }

    public ServiceAddress toFacts() {
        return new ServiceAddress(street, number, complement, district, city, state.name(), cep.value());
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw new IllegalArgumentException(field + ": é obrigatório");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) throw new IllegalArgumentException(field + ": deve ter no máximo " + max + " caracteres");
        return v;
    }
}
