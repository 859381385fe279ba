package br.com.opera360.query.service;

import br.com.opera360.kernel.service.GeoPoint;
import br.com.opera360.kernel.service.ServiceAddress;
import br.com.opera360.kernel.service.ServiceDetails;
import br.com.opera360.kernel.service.ServiceHistoryEntry;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.kernel.service.ServiceSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * One contracted service, fed by its own aggregate's events ({@code version} = the last applied sequence). The
 * {@code *Key} fields are the normalized search texts; {@code lat}/{@code lon} are null for a service without a
 * location. The history is kept here, oldest first, and left out of list reads.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('service', 'services')}")
record ServiceView(@Id String id, String accountId, String designation, String designationKey, String serviceType,
                   String contract, String clientCode, int speedMbps, String status, String activatedOn,
                   ServiceAddress address, String cityKey, Double lat, Double lon, List<ServiceHistoryEntry> history,
                   long version) {
    static final String COLLECTION = "services";

    GeoPoint location() {
        return lat == null || lon == null ? null : new GeoPoint(lat, lon);
    }

    ServiceSummary toSummary() {
        return new ServiceSummary(designation, serviceType, contract, clientCode, speedMbps, status,
                ServiceStatus.labelOf(status), address, location());
    }

    ServiceDetails toDetails() {
        return new ServiceDetails(designation, serviceType, contract, clientCode, speedMbps, status,
                ServiceStatus.labelOf(status), activatedOn == null ? null : LocalDate.parse(activatedOn), address,
                location(), history == null ? List.of() : history);
    }
}
