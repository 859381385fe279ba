package br.com.opera360.kernel.service;

import java.util.List;

/** The services of one map circle, by designation. {@code address} is the CEP's street, district, city and UF. */
public record CepServices(String cep, Address address, List<Service> services) {
    public CepServices {
        services = List.copyOf(services);
    }

    public record Address(String street, String district, String city, String state, String cep) {
    }

    public record Service(String designation, String serviceType, int speedMbps, String status) {
    }
}
