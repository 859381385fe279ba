package br.com.opera360.app.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axon_gives_events_time_ordered_identifiers() {
        String first = GenericEventMessage.asEventMessage("a").getIdentifier();
        String second = GenericEventMessage.asEventMessage("b").getIdentifier();
        assertThat(UUID.fromString(first).version()).isEqualTo(7);
        assertThat(millisecondOf(second)).isGreaterThanOrEqualTo(millisecondOf(first));
    }

    @Test
    void identifiers_follow_the_clock_and_stay_unique_across_threads() throws Exception {
        var factory = new TimeOrderedIdentifierFactory();
        Callable<List<String>> run = () -> {
            var ids = new ArrayList<String>();
            for (int i = 0; i < 50_000; i++) ids.add(factory.generateIdentifier());
            return ids;
        };
        var all = new HashSet<String>();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (var future : pool.invokeAll(List.of(run, run, run, run))) {
                List<String> ids = future.get();
                // a B-tree index receives them at its end: each thread's ids never go back in time
                assertThat(ids.stream().map(TimeOrderedIdentifierFactoryTest::millisecondOf).toList()).isSorted();
                all.addAll(ids);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(all).hasSize(200_000);
    }

    /** The 48-bit Unix-millisecond prefix of a version 7 UUID, as its first 12 hex digits. */
    private static String millisecondOf(String uuid) {
        return uuid.replace("-", "").substring(0, 12);
    }
}
