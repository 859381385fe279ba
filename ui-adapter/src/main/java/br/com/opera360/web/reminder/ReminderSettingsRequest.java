package br.com.opera360.web.reminder;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.reminder.ChangeReminderSettings;
import br.com.opera360.kernel.reminder.ReminderSettings;
import br.com.opera360.web.common.Fields;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code daysBefore} arrives as JSON as it is: Jackson would turn 1.5 into 1, and the contract wants anything but whole
 * numbers refused.
 */
record ReminderSettingsRequest(Boolean enabled, JsonNode daysBefore, Boolean onOverdue) {

    ChangeReminderSettings toCommand(AccountId accountId) {
        var fields = new Fields();
        if (enabled == null) fields.reject("enabled", "é obrigatório (true ou false)");
        if (onOverdue == null) fields.reject("onOverdue", "é obrigatório (true ou false)");
        List<Integer> days = days(fields);
        ReminderSettings settings = days == null ? null
                : fields.parse("daysBefore", () -> new ReminderSettings(Boolean.TRUE.equals(enabled), days, Boolean.TRUE.equals(onOverdue)));
        fields.check();
        return new ChangeReminderSettings(accountId, settings);
    }

    private List<Integer> days(Fields fields) {
        if (daysBefore == null || daysBefore.isNull()) {
            fields.reject("daysBefore", "é obrigatório (uma lista de 0 a 3 dias, por exemplo [5, 1])");
            return null;
        }
        if (!daysBefore.isArray()) {
            fields.reject("daysBefore", "deve ser uma lista de números inteiros de 1 a 30");
            return null;
        }
        List<Integer> days = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < daysBefore.size(); i++) {
            JsonNode day = daysBefore.get(i);
            if (!day.isIntegralNumber() || !day.canConvertToInt()) {
                fields.reject("daysBefore[" + i + "]", "deve ser um número inteiro de 1 a 30");
                ok = false;
            } else {
                days.add(day.intValue());
            }
        }
        return ok ? days : null;
    }
}
