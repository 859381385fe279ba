package br.com.opera360.kernel.service;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ServiceSpeedChanged(String serviceId, String accountId, String designation, int previousSpeedMbps,
                                  int speedMbps) {
}
