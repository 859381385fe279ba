package br.com.opera360.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmarks' one percentile: nearest rank, whatever order the samples came in. */
class LatenciesTest {
    @Test
    void percentiles_are_nearest_rank_over_the_sorted_samples() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();
        var latencies = Latencies.of(shuffled);
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.percentile(100)).isEqualTo(100);
        assertThat(latencies.mean()).isEqualTo(50.5);
        assertThat(shuffled[0]).as("the samples are left as they were").isEqualTo(38);
    }

    @Test
    void one_sample_is_every_percentile() {
        var latencies = Latencies.of(new long[]{2_000_000});
        assertThat(latencies.percentile(1)).isEqualTo(2_000_000);
        assertThat(latencies.percentileMs(99)).isEqualTo(2.0);
    }
}
