package br.com.opera360.web.service;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.service.ServiceStatus;
import br.com.opera360.kernel.service.Speed;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;

/** Field parsers shared by the service bodies. */
final class ServiceBodies {
    private ServiceBodies() {
    }

    static AccountId accountId(Fields fields, String value) {
        return fields.parse("accountId", () -> new AccountId(value));
    }

    static Integer speed(Fields fields, BigDecimal value) {
        return fields.parse("speedMbps", () -> {
            if (value == null) throw new NullPointerException();
            BigDecimal v = value.stripTrailingZeros();
            if (v.scale() > 0 || v.compareTo(BigDecimal.valueOf(Speed.MAX_MBPS)) > 0 || v.signum() <= 0) {
                throw new IllegalArgumentException("deve ser um número inteiro de 1 a " + Speed.MAX_MBPS);
            }
            return v.intValueExact();
        });
    }

    static ServiceStatus status(Fields fields, String value) {
        return fields.parse("status", () -> ServiceStatus.parse(value));
    }
}
