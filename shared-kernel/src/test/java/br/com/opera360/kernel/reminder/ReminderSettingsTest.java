package br.com.opera360.kernel.reminder;

import br.com.opera360.kernel.common.AccountId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderSettingsTest {
    @Test
    void the_default_is_5_and_1_days_before_and_the_first_day_overdue() {
        assertThat(ReminderSettings.DEFAULT).isEqualTo(new ReminderSettings(true, List.of(1, 5), true));
        assertThat(ReminderSettings.DEFAULT.daysBefore()).containsExactly(5, 1);
    }

    @Test
    void up_to_three_distinct_whole_days_from_1_to_30() {
        assertThat(new ReminderSettings(true, List.of(1, 30, 15), false).daysBefore()).containsExactly(30, 15, 1);
        assertThat(new ReminderSettings(false, List.of(), false).daysBefore()).isEmpty();
        assertThatThrownBy(() -> new ReminderSettings(true, List.of(1, 2, 3, 4), true)).hasMessageContaining("no máximo 3");
        assertThatThrownBy(() -> new ReminderSettings(true, List.of(0), true)).hasMessageContaining("de 1 a 30");
        assertThatThrownBy(() -> new ReminderSettings(true, List.of(31), true)).hasMessageContaining("de 1 a 30");
        assertThatThrownBy(() -> new ReminderSettings(true, List.of(2, 2), true)).hasMessageContaining("repetir");
        assertThatThrownBy(() -> new ReminderSettings(true, Arrays.asList(1, null), true)).hasMessageContaining("de 1 a 30");
    }

    @Test
    void a_digest_is_keyed_by_account_user_day_and_kind_and_lists_at_least_one_invoice() {
        var account = new AccountId("acme");
        var day = LocalDate.of(2026, 3, 10);
        String id = RecordReminderDigest.digestId(account, "u-1", day, RecordReminderDigest.DUE_DATES);
        assertThat(id).isEqualTo("acme:digest:u-1:2026-03-10:due-dates");
        var line = new ReminderLine("F-1", day, new BigDecimal("1.00"), null, null);
        assertThatThrownBy(() -> new RecordReminderDigest(id, account, "u-1", "a@b.com", "A", day, "due-dates", List.of(), List.of()))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new RecordReminderDigest("other", account, "u-1", "a@b.com", "A", day, "due-dates", List.of(line), List.of()))
                .hasMessageContaining("key");
    }
}
