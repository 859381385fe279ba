package br.com.opera360.web.common;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GroupedIngestionsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GroupedIngestions grouped = new GroupedIngestions(new GroupCommit(NoTransactionManager.INSTANCE), meters);
    private final List<String> runs = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        grouped.destroy();
    }

    /** A deadlock on aggregate locks with another group is no request's fault: the group is rolled back and run one by one. */
    @Test
    void a_group_whose_command_meets_a_lock_deadlock_is_run_again_request_by_request() throws Exception {
        var release = new CountDownLatch(1);
        var holder = grouped.run(Mono.fromCallable(() -> {
            release.await(1, TimeUnit.MINUTES);
            return answer("held");
        })).toFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> grouped.waiting() == 0 && runs.isEmpty() && !holder.isDone());

        var first = grouped.run(Mono.fromCallable(() -> answer("first"))).toFuture();
        var deadlocked = grouped.run(Mono.fromCallable(() -> {
            if (CurrentUnitOfWork.isStarted()) {
                runs.add("second in the group");
                throw new DeadlockException("an aggregate lock held by another group");
            }
            return answer("second");
        })).toFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> grouped.waiting() == 2);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).body()).isEqualTo(Map.of("run", "first"));
        assertThat(deadlocked.get(10, TimeUnit.SECONDS).body()).isEqualTo(Map.of("run", "second"));
        assertThat(runs).containsExactly("held", "first", "second in the group", "first", "second");
        assertThat(meters.get("opera360.ingest.group.size").summary().max()).isEqualTo(2);
    }

    @Test
    void a_request_that_fails_gets_its_failure_and_the_committer_goes_on() throws Exception {
        var failed = grouped.run(Mono.error(new IllegalArgumentException("bad data"))).toFuture();
        await().atMost(Duration.ofSeconds(10)).until(failed::isDone);
        assertThat(failed).isCompletedExceptionally();

        assertThat(grouped.run(Mono.fromCallable(() -> answer("next"))).toFuture().get(10, TimeUnit.SECONDS).body())
                .isEqualTo(Map.of("run", "next"));
    }

    @Test
    void an_interrupted_committer_goes_on_answering() throws Exception {
        grouped.committer().interrupt();
        await().atMost(Duration.ofSeconds(10)).until(() -> !grouped.committer().isInterrupted());

        assertThat(grouped.run(Mono.fromCallable(() -> answer("after"))).toFuture().get(10, TimeUnit.SECONDS).body())
                .isEqualTo(Map.of("run", "after"));
        assertThat(grouped.committer().isAlive()).isTrue();
    }

    private IngestionAnswer answer(String run) {
        runs.add(run);
        return IngestionAnswer.of(true, Map.of("run", run));
    }
}
