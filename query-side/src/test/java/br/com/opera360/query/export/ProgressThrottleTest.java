package br.com.opera360.query.export;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressThrottleTest {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong clock = new AtomicLong(42 * SECOND);

    @Test
    void a_fast_export_reports_nothing_before_a_second_has_passed() {
        var throttle = new ProgressThrottle(1_000, clock::get);
        for (long written = 1; written <= 999; written++) {
            clock.addAndGet(SECOND / 1_000 - 1);
            assertThat(throttle.after(written)).as("row %d", written).isEmpty();
        }
    }

    @Test
    void a_slow_export_reports_every_five_points_not_every_second() {
        var throttle = new ProgressThrottle(100, clock::get);
        List<Integer> reports = new ArrayList<>();
        for (long written = 1; written <= 100; written++) {
            clock.addAndGet(2 * SECOND); // far more than a second per row
            throttle.after(written).ifPresent(reports::add);
        }
        assertThat(reports).containsExactly(5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95);
    }

    @Test
    void between_the_two_it_waits_for_both_five_points_and_a_second() {
        var throttle = new ProgressThrottle(1_000, clock::get);
        clock.addAndGet(SECOND - 1);
        assertThat(throttle.after(100)).as("10 points, not yet a second").isEmpty();
        clock.addAndGet(1);
        assertThat(throttle.after(101)).isEqualTo(OptionalInt.of(10));
        clock.addAndGet(10 * SECOND);
        assertThat(throttle.after(140)).as("4 points in 10 s").isEmpty();
        assertThat(throttle.after(150)).isEqualTo(OptionalInt.of(15));
    }

    @Test
    void the_last_row_is_never_reported_as_100_and_an_empty_export_never_reports() {
        var throttle = new ProgressThrottle(10, clock::get);
        clock.addAndGet(5 * SECOND);
        assertThat(throttle.after(10)).isEqualTo(OptionalInt.of(99));
        var empty = new ProgressThrottle(0, clock::get);
        clock.addAndGet(5 * SECOND);
        assertThat(empty.after(1)).isEmpty();
    }
}
