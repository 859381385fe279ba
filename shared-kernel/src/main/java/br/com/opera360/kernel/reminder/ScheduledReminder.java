package br.com.opera360.kernel.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ScheduledReminder(String accountId, String invoiceNumber, LocalDate dueDate, BigDecimal amountDue) {
}
