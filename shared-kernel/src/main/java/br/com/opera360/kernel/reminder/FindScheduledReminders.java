package br.com.opera360.kernel.reminder;

import java.time.LocalDate;

/** The application's own query (every account): unpaid invoices still scheduled for reminders, due from..to inclusive. */
public record FindScheduledReminders(LocalDate dueFrom, LocalDate dueTo) {
}
