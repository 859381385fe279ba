package br.com.opera360.command.service;

import br.com.opera360.kernel.service.ServiceStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static br.com.opera360.kernel.service.ServiceStatus.ACTIVE;
import static br.com.opera360.kernel.service.ServiceStatus.CANCELLED;
import static br.com.opera360.kernel.service.ServiceStatus.INSTALLING;
import static br.com.opera360.kernel.service.ServiceStatus.SUSPENDED;

/**
 * The life cycle of a contracted service: an installation is activated or given up; an active service may be
 * suspended (e.g. for non-payment) and reactivated; any of them may be cancelled, and cancellation is final.
 */
final class ServicePolicies {
    private static final Map<ServiceStatus, Set<ServiceStatus>> NEXT = Map.of(
            INSTALLING, EnumSet.of(ACTIVE, CANCELLED),
            ACTIVE, EnumSet.of(SUSPENDED, CANCELLED),
            SUSPENDED, EnumSet.of(ACTIVE, CANCELLED),
            CANCELLED, EnumSet.noneOf(ServiceStatus.class));

    private ServicePolicies() {
    }

    static boolean canChange(ServiceStatus from, ServiceStatus to) {
        return NEXT.get(from).contains(to);
    }
}
