package br.com.opera360.web.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.service.Address;
import br.com.opera360.kernel.service.ChangeService;
import br.com.opera360.kernel.service.Designation;
import br.com.opera360.kernel.service.Location;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;

/** Absent parts stay as they are. */
record ChangeServiceRequest(String accountId, String status, BigDecimal speedMbps, AddressBody address, LocationBody location) {

    ChangeService toCommand(String designation) {
        var fields = new Fields();
        AccountId account = ServiceBodies.accountId(fields, accountId);
        ServiceStatus s = status == null ? null : ServiceBodies.status(fields, status);
        Integer speed = speedMbps == null ? null : ServiceBodies.speed(fields, speedMbps);
        Address a = address == null ? null : AddressBody.parse(address, "address", fields);
        Location l = LocationBody.parse(location, "location", fields);
        fields.check();
        Designation d;
        try {
            d = new Designation(designation);
        } catch (IllegalArgumentException malformed) {
            // a malformed path id is simply unknown
            throw Rejected.notFound("service.not-found", "Serviço não encontrado. Confira a designação e o accountId.");
        }
        return ChangeService.of(account, d, s, speed, a, l);
    }
}
