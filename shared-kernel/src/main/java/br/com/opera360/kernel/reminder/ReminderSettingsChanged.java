package br.com.opera360.kernel.reminder;

import java.util.List;

public record ReminderSettingsChanged(String remindersId, String accountId, boolean enabled, List<Integer> daysBefore,
                                      boolean onOverdue) {
}
