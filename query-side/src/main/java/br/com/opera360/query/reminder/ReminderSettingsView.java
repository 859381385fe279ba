package br.com.opera360.query.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** An account's reminder settings, once it changed the defaults; {@code _id} is the account id. */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('reminder', 'reminder_settings')}")
record ReminderSettingsView(@Id String id, boolean enabled, List<Integer> daysBefore, boolean onOverdue, long version) {
    static final String COLLECTION = "reminder_settings";
}
