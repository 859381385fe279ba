package br.com.opera360.web.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.service.Address;
import br.com.opera360.kernel.service.Designation;
import br.com.opera360.kernel.service.Location;
import br.com.opera360.kernel.service.RegisterService;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

record RegisterServiceRequest(String accountId, String designation, String serviceType, String contract, String clientCode,
                              BigDecimal speedMbps, String status, String activatedOn, AddressBody address,
                              LocationBody location) {

    RegisterService toCommand() {
        var fields = new Fields();
        AccountId account = ServiceBodies.accountId(fields, accountId);
        Designation d = fields.parse("designation", () -> new Designation(designation));
        String type = fields.requiredText("serviceType", serviceType, 60);
        String contractNumber = fields.requiredText("contract", contract, 60);
        String client = fields.requiredText("clientCode", clientCode, 60);
        Integer speed = ServiceBodies.speed(fields, speedMbps);
        ServiceStatus s = ServiceBodies.status(fields, status);
        LocalDate activated = activatedOn == null ? null : fields.parse("activatedOn", () -> {
            try {
                return LocalDate.parse(activatedOn.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("data inválida: use o formato aaaa-mm-dd");
            }
        });
        Address a = AddressBody.parse(address, "address", fields);
        Location l = LocationBody.parse(location, "location", fields);
        fields.check();
        return RegisterService.of(account, d, type, contractNumber, client, speed, s, activated, a, l);
    }
}
