package br.com.opera360.kernel.service;

/** One row of the service list. {@code location} is null when the service has none. */
public record ServiceSummary(String designation, String serviceType, String contract, String clientCode, int speedMbps,
                             String status, String statusLabel, ServiceAddress address, GeoPoint location) {
}
