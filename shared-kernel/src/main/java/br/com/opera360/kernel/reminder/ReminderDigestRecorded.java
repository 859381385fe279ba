package br.com.opera360.kernel.reminder;

import java.time.LocalDate;
import java.util.List;

public record ReminderDigestRecorded(String digestId, String accountId, String userId, String email, String userName,
                                     LocalDate day, String kind, List<ReminderLine> upcoming, List<ReminderLine> overdue) {
}
