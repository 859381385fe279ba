package br.com.opera360.kernel.service;

import java.util.List;

/**
 * The service list's filters, each null/empty when not given. {@code designation} and {@code city} are substrings
 * matched ignoring case and accents; the others are exact; {@code statuses} and {@code serviceTypes} may repeat.
 */
public record ServiceFilter(String designation, String state, String city, String contract, String clientCode,
                            Integer speedMbps, List<ServiceStatus> statuses, List<String> serviceTypes) {
    public ServiceFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        serviceTypes = serviceTypes == null ? List.of() : List.copyOf(serviceTypes);
    }

    public static ServiceFilter none() {
        return new ServiceFilter(null, null, null, null, null, null, List.of(), List.of());
    }
}
