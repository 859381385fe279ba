package br.com.opera360.web.service;

import br.com.opera360.kernel.common.Uf;
import br.com.opera360.kernel.service.ServiceFilter;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.web.common.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The service list's query parameters; problems go into {@code fields} (call {@link Fields#check()} afterwards). */
final class ServiceListParameters {
    private ServiceListParameters() {
    }

    static ServiceFilter parse(String designation, String state, String city, String contract, String clientCode,
                               String speedMbps, List<String> statuses, List<String> serviceTypes, Fields fields) {
        Uf uf = blank(state) ? null : fields.parse("state", () -> Uf.parse(state));
        Integer speed = blank(speedMbps) ? null : fields.parse("speedMbps", () -> {
            try {
                return Integer.valueOf(speedMbps.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("deve ser um número inteiro");
            }
        });
        List<ServiceStatus> parsedStatuses = new ArrayList<>();
        for (String s : values(statuses)) parsedStatuses.add(fields.parse("status", () -> ServiceStatus.parse(s)));
        return new ServiceFilter(text(designation), uf == null ? null : uf.name(), text(city), text(contract),
                text(clientCode), speed, parsedStatuses.stream().filter(Objects::nonNull).distinct().toList(),
                values(serviceTypes));
    }

    /** Repeated parameters, also accepted comma-separated; blanks ignored. */
    private static List<String> values(List<String> raw) {
        if (raw == null) return List.of();
        return raw.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                  .filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
