package br.com.opera360.kernel.service;

import java.time.LocalDate;
import java.util.List;

/** The service as its detail page shows it, with its history oldest first (the registration first). */
public record ServiceDetails(String designation, String serviceType, String contract, String clientCode, int speedMbps,
                             String status, String statusLabel, LocalDate activatedOn, ServiceAddress address,
                             GeoPoint location, List<ServiceHistoryEntry> history) {
}
