package br.com.opera360.command.reminder;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Written;
import br.com.opera360.kernel.reminder.ChangeReminderSettings;
import br.com.opera360.kernel.reminder.RecordReminderDigest;
import br.com.opera360.kernel.reminder.ReminderDigestRecorded;
import br.com.opera360.kernel.reminder.ReminderLine;
import br.com.opera360.kernel.reminder.ReminderSettings;
import br.com.opera360.kernel.reminder.ReminderSettingsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

class ReminderDigestTest {
    static final AccountId ACCOUNT = new AccountId("acme");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final String ID = RecordReminderDigest.digestId(ACCOUNT, "u-1", DAY, RecordReminderDigest.DUE_DATES);
    static final List<ReminderLine> LINES = List.of(new ReminderLine("F-1", DAY.plusDays(5), new BigDecimal("100.00"), null, null));

    private final FixtureConfiguration<ReminderDigest> digests = new AggregateTestFixture<>(ReminderDigest.class);
    private final FixtureConfiguration<AccountReminders> settings = new AggregateTestFixture<>(AccountReminders.class);

    private static RecordReminderDigest record() {
        return new RecordReminderDigest(ID, ACCOUNT, "u-1", "ana@acme.com.br", "Ana", DAY, RecordReminderDigest.DUE_DATES, LINES, List.of());
    }

    @Test
    void a_digest_is_recorded_the_first_time_it_is_asked_for() {
        digests.givenNoPriorActivity()
               .when(record())
               .expectEvents(new ReminderDigestRecorded(ID, "acme", "u-1", "ana@acme.com.br", "Ana", DAY, "due-dates", LINES, List.of()))
               .expectResultMessagePayload(true);
    }

    @Test
    void the_same_digest_asked_for_again_records_nothing() {
        digests.given(new ReminderDigestRecorded(ID, "acme", "u-1", "ana@acme.com.br", "Ana", DAY, "due-dates", LINES, List.of()))
               .when(record())
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void saving_settings_records_them_every_time() {
        String id = ChangeReminderSettings.remindersId(ACCOUNT);
        settings.givenNoPriorActivity()
                .when(new ChangeReminderSettings(ACCOUNT, new ReminderSettings(true, List.of(1, 10), false)))
                .expectEvents(new ReminderSettingsChanged(id, "acme", true, List.of(10, 1), false))
                .expectResultMessagePayload(new Written(id, 0));
        settings.given(new ReminderSettingsChanged(id, "acme", true, List.of(10, 1), false))
                .when(new ChangeReminderSettings(ACCOUNT, new ReminderSettings(true, List.of(10, 1), false)))
                .expectEvents(new ReminderSettingsChanged(id, "acme", true, List.of(10, 1), false))
                .expectResultMessagePayload(new Written(id, 1));
    }
}
