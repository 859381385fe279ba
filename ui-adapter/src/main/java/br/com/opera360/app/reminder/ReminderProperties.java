package br.com.opera360.app.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;

/**
 * {@code opera360.reminders.*}: {@code sweep-interval} how often the schedule is looked at (zero: never by itself);
 * {@code send-at} the São Paulo time of day from which the day's digests go out.
 */
@ConfigurationProperties("opera360.reminders")
public record ReminderProperties(@DefaultValue("PT1M") Duration sweepInterval, @DefaultValue("08:00") LocalTime sendAt) {
}
