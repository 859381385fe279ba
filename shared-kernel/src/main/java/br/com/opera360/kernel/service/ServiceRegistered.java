package br.com.opera360.kernel.service;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** {@code location} may be null: a service without a location is listed but not on the map. */
@Revision("1")
public record ServiceRegistered(String serviceId, String accountId, String designation, String serviceType,
                                String contract, String clientCode, int speedMbps, String status, LocalDate activatedOn,
                                ServiceAddress address, GeoPoint location) {
}
