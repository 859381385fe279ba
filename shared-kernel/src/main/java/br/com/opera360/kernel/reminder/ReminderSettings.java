package br.com.opera360.kernel.reminder;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * When an account's users hear about due dates: {@code daysBefore} (up to 3 distinct whole numbers from 1 to 30, kept
 * from the farthest to the nearest) and the first day overdue. Days are São Paulo calendar days.
 */
public record ReminderSettings(boolean enabled, List<Integer> daysBefore, boolean onOverdue) {
    public static final ReminderSettings DEFAULT = new ReminderSettings(true, List.of(5, 1), true);
    public static final int MAX_DAYS = 3;
    public static final int MAX_DAYS_BEFORE = 30;

    public ReminderSettings {
        Objects.requireNonNull(daysBefore, "daysBefore");
        if (daysBefore.size() > MAX_DAYS) throw new IllegalArgumentException("no máximo " + MAX_DAYS + " dias");
        if (daysBefore.stream().anyMatch(d -> d == null || d < 1 || d > MAX_DAYS_BEFORE)) {
            throw new IllegalArgumentException("cada dia deve ser um número inteiro de 1 a " + MAX_DAYS_BEFORE);
        }
        if (new HashSet<>(daysBefore).size() != daysBefore.size()) throw new IllegalArgumentException("os dias não podem se repetir");
        daysBefore = daysBefore.stream().sorted(Comparator.reverseOrder()).toList();
    }
}
