package br.com.opera360.command.service;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.service.ChangeService;
import br.com.opera360.kernel.service.GeoPoint;
import br.com.opera360.kernel.service.RegisterService;
import br.com.opera360.kernel.service.ServiceAddress;
import br.com.opera360.kernel.service.ServiceAddressChanged;
import br.com.opera360.kernel.service.ServiceLocationChanged;
import br.com.opera360.kernel.service.ServiceRegistered;
import br.com.opera360.kernel.service.ServiceSpeedChanged;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.kernel.service.ServiceStatusChanged;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contracted service (serviço contratado) of one customer account. Its id holds the account and the designation,
 * so the event store's unique (aggregate id, sequence) keeps a designation unique within the account. Keeps the
 * registration as sent, so that a re-send is recognised, and what the next change must be compared with.
 */
// a snapshot every 100 events (AxonConfiguration); bump the revision when the fields change: older snapshots are then ignored
@Aggregate(snapshotTriggerDefinition = "snapshotEvery100Events")
@Revision("1")
public class Service {
    static final String REGISTERED = "REGISTERED";
    static final String STATUS_CHANGED = "STATUS_CHANGED";
    static final String SPEED_CHANGED = "SPEED_CHANGED";
    static final String ADDRESS_CHANGED = "ADDRESS_CHANGED";
    static final String LOCATION_CHANGED = "LOCATION_CHANGED";

    @AggregateIdentifier
    private String serviceId;
    private ServiceRegistered registration;
    private ServiceStatus status;
    private int speedMbps;
    private ServiceAddress address;
    private GeoPoint location;

    protected Service() {
    }

    static Service unregistered() {
        return new Service();
    }

    boolean isRegistered() {
        return registration != null;
    }

    boolean isSameRegistration(RegisterService cmd) {
        return registration.equals(registered(cmd));
    }

    void register(RegisterService cmd) {
        apply(registered(cmd));
    }

    private static ServiceRegistered registered(RegisterService cmd) {
        return new ServiceRegistered(cmd.serviceId().value(), cmd.accountId().value(), cmd.designation().value(),
                cmd.serviceType(), cmd.contract(), cmd.clientCode(), cmd.speedMbps(), cmd.status().name(),
                cmd.activatedOn(), cmd.address().toFacts(), cmd.location() == null ? null : cmd.location().toFacts());
    }

    /** Records what differs from the current state; answers the history types recorded (none: nothing changed). */
    List<String> change(ChangeService cmd) {
        boolean speedChanges = cmd.speedMbps() != null && cmd.speedMbps() != speedMbps;
        ServiceAddress newAddress = cmd.address() == null ? null : cmd.address().toFacts();
        boolean addressChanges = newAddress != null && !newAddress.equals(address);
        GeoPoint newLocation = cmd.location() == null ? null : cmd.location().toFacts();
        boolean locationChanges = newLocation != null && !newLocation.equals(location);
        boolean statusChanges = cmd.status() != null && cmd.status() != status;
        if (!speedChanges && !addressChanges && !locationChanges && !statusChanges) return List.of();

        if (status == ServiceStatus.CANCELLED) {
            throw Rejected.conflict("service.cancelled", "O serviço " + cmd.designation().value()
                    + " está cancelado: não pode ser reativado nem alterado.");
        }
        if (statusChanges && !ServicePolicies.canChange(status, cmd.status())) {
            throw Rejected.conflict("service.status-transition", "Não é possível mudar o status do serviço de "
                    + status.label() + " (" + status.name() + ") para " + cmd.status().label() + " (" + cmd.status().name() + ").");
        }
        List<String> recorded = new ArrayList<>();
        String id = serviceId;
        String accountId = registration.accountId();
        String designation = registration.designation();
        if (speedChanges) {
            apply(new ServiceSpeedChanged(id, accountId, designation, speedMbps, cmd.speedMbps()));
            recorded.add(SPEED_CHANGED);
        }
        if (addressChanges) {
            apply(new ServiceAddressChanged(id, accountId, designation, address, newAddress));
            recorded.add(ADDRESS_CHANGED);
        }
        if (locationChanges) {
            apply(new ServiceLocationChanged(id, accountId, designation, location, newLocation));
            recorded.add(LOCATION_CHANGED);
        }
        // last: a PATCH that changes the service and cancels it describes changes made before the cancellation
        if (statusChanges) {
            apply(new ServiceStatusChanged(id, accountId, designation, status.name(), cmd.status().name()));
            recorded.add(STATUS_CHANGED);
        }
        return recorded;
    }

    @EventSourcingHandler
    void on(ServiceRegistered e) {
        serviceId = e.serviceId();
        registration = e;
        status = ServiceStatus.valueOf(e.status());
        speedMbps = e.speedMbps();
        address = e.address();
        location = e.location();
    }

    @EventSourcingHandler
    void on(ServiceSpeedChanged e) {
        speedMbps = e.speedMbps();
    }

    @EventSourcingHandler
    void on(ServiceStatusChanged e) {
        status = ServiceStatus.valueOf(e.status());
    }

    @EventSourcingHandler
    void on(ServiceAddressChanged e) {
        address = e.address();
    }

    @EventSourcingHandler
    void on(ServiceLocationChanged e) {
        location = e.location();
    }
}
