package br.com.opera360.kernel.service;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ServiceStatusChanged(String serviceId, String accountId, String designation, String previousStatus,
                                   String status) {
}
