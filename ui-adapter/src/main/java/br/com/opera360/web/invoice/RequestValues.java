package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parsing of the values ingestion bodies share; every problem goes into {@link Fields} (one 400 for all). */
final class RequestValues {
    private RequestValues() {
    }

    static LocalDate date(Fields fields, String field, String value, boolean required) {
        if (value == null && !required) return null;
        return fields.parse(field, () -> {
            if (value == null || value.isBlank()) throw new NullPointerException(field);
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("data inválida: use o formato yyyy-MM-dd");
            }
        });
    }

    static Money money(Fields fields, String field, BigDecimal value) {
        return fields.parse(field, () -> new Money(value));
    }

    static AccountId account(Fields fields, String value) {
        return fields.parse("accountId", () -> new AccountId(value));
    }

    static String text(Fields fields, String field, String value, int max) {
        return fields.requiredText(field, value, max);
    }
}
