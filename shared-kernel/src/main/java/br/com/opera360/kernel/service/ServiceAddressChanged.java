package br.com.opera360.kernel.service;

import org.axonframework.serialization.Revision;

/** The service moved to another installation address (possibly another CEP). */
@Revision("1")
public record ServiceAddressChanged(String serviceId, String accountId, String designation,
                                    ServiceAddress previousAddress, ServiceAddress address) {
}
