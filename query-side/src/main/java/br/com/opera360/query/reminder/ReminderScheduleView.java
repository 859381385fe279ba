package br.com.opera360.query.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The persisted reminder schedule: one entry per invoice, written at its registration and cancelled (kept as a
 * tombstone, so a redelivered event never brings it back) once it is paid or negotiated. Which days an entry fires
 * follows from its due date and the account's settings at the time of the sweep.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('reminder', 'reminder_schedule')}")
record ReminderScheduleView(@Id String id, String accountId, String number, String dueDate, long amountDueCents,
                            boolean cancelled, long version) {
    static final String COLLECTION = "reminder_schedule";
}
