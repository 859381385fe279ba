package br.com.opera360.web.service;

import br.com.opera360.kernel.service.ServiceFilter;
import br.com.opera360.web.common.Fields;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Set;

/** The service list's filters, for whatever else lists services (exports): one parser, one set of rules. */
public final class ServiceListQuery {
    public static final Set<String> FILTERS = Set.of("designation", "state", "city", "contract", "clientCode", "speedMbps",
            "status", "serviceType");
    /** The filters that may repeat. */
    public static final Set<String> REPEATABLE = Set.of("status", "serviceType");

    private ServiceListQuery() {
    }

    /** Every bad filter in one 400, exactly as {@code GET /api/services} answers. */
    public static ServiceFilter parse(MultiValueMap<String, String> params) {
        var fields = new Fields();
        var filter = ServiceListParameters.parse(params.getFirst("designation"), params.getFirst("state"),
                params.getFirst("city"), params.getFirst("contract"), params.getFirst("clientCode"),
                params.getFirst("speedMbps"), params.getOrDefault("status", List.of()),
                params.getOrDefault("serviceType", List.of()), fields);
        fields.check();
        return filter;
    }
}
