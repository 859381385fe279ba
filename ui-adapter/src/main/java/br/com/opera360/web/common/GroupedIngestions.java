package br.com.opera360.web.common;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for concurrent single-item ingestion requests, the embedded mode's answer to H2 committing one
 * transaction at a time (with {@code WRITE_DELAY=0} every commit writes its changes to the file itself, under one lock;
 * H2 has no group commit of its own that keeps an acknowledged write durable). A request is queued; one committer
 * thread takes every request waiting (up to {@link GroupCommit#DEFAULT_CHUNK}) and runs them as a batch's chunk runs its lines
 * ({@link GroupCommit}): each command in its own nested unit of work, one store transaction for all, every request
 * answered with its own result after that commit. A lone request runs at once, as before; requests that arrive while
 * a group commits form the next group, so the more clients wait, the fewer commits per request.
 * <p>
 * A request rejected in a group leaves no event and does not affect the others. A group whose commands deadlock on
 * aggregate locks with another group or a batch chunk (each holds its locks until it commits) is rolled back and run
 * one by one, as is a group whose commit fails. The queue holds at most one request per open connection (HTTP/1.1
 * has one request in flight per connection): a client faster than the store gets slower answers, not errors.
 */
public final class GroupedIngestions implements SingleIngestions, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(GroupedIngestions.class);

    private final GroupCommit groupCommit;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final DistributionSummary groupSizes;
    private final Thread committer;
    private volatile boolean open = true;

    public GroupedIngestions(GroupCommit groupCommit, MeterRegistry meters) {
        this.groupCommit = groupCommit;
        this.groupSizes = DistributionSummary.builder("opera360.ingest.group.size")
                                             .description("Single-item ingestion requests committed together").register(meters);
        Gauge.builder("opera360.ingest.group.waiting", waiting, BlockingQueue::size)
             .description("Single-item ingestion requests waiting for the committer").register(meters);
        this.committer = new Thread(this::commitGroups, "ingest-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    @Override
    public Mono<IngestionAnswer> run(Mono<IngestionAnswer> ingestion) {
        return Mono.deferContextual(request -> {
            if (!open) return ingestion.subscribeOn(Schedulers.boundedElastic());
            // on the committer thread, with the request's context (its caller, its correlation id), joining the group
            var pending = new Pending(ingestion.contextWrite(ctx -> ctx.putAll(request).put(Commands.ON_CALLING_THREAD, true)));
            waiting.add(pending);
            return Mono.fromFuture(pending.answer);
        });
    }

    /** The committer thread (tests interrupt it). */
    Thread committer() {
        return committer;
    }

    /** Requests waiting for the committer now. */
    int waiting() {
        return waiting.size();
    }

    private void commitGroups() {
        while (open || !waiting.isEmpty()) {
            List<Pending> group = new ArrayList<>();
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                group.add(first);
                waiting.drainTo(group, GroupCommit.DEFAULT_CHUNK - 1);
                group.removeIf(p -> p.answer.isCancelled());
                if (group.isEmpty()) continue;
                groupSizes.record(group.size());
                List<Signal<IngestionAnswer>> results = groupCommit.run(group, GroupedIngestions::handle);
                for (int i = 0; i < group.size(); i++) group.get(i).complete(results.get(i));
            } catch (InterruptedException e) {
                // only destroy() ends the committer: a stray interrupt must not leave later requests unanswered
                log.warn("The ingestion committer was interrupted; it goes on");
                group.forEach(p -> p.answer.completeExceptionally(e));
            } catch (RuntimeException | Error e) {
                // never leave a request unanswered, never let the committer die
                log.error("A group of {} ingestion requests failed", group.size(), e);
                group.forEach(p -> p.answer.completeExceptionally(e));
            }
        }
    }

    /** One request's command, on the committer thread; its own failure is its answer, not the group's. */
    private static Signal<IngestionAnswer> handle(Pending pending) {
        Signal<IngestionAnswer> result = pending.ingestion.materialize().block();
        if (result.isOnError()) GroupCommit.rethrowIfChunksConflict(result.getThrowable());
        return result;
    }

    @Override
    public void destroy() throws InterruptedException {
        // the web server has stopped taking requests: answer those still waiting, then stop
        open = false;
        committer.join(TimeUnit.SECONDS.toMillis(30));
    }

    private record Pending(Mono<IngestionAnswer> ingestion, CompletableFuture<IngestionAnswer> answer) {
        Pending(Mono<IngestionAnswer> ingestion) {
            this(ingestion, new CompletableFuture<>());
        }

        void complete(Signal<IngestionAnswer> result) {
            if (result.isOnComplete()) answer.completeExceptionally(new IllegalStateException("no answer"));
            else if (result.isOnError()) answer.completeExceptionally(result.getThrowable());
            else answer.complete(result.get());
        }
    }
}
