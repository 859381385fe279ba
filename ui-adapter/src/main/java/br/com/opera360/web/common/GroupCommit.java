package br.com.opera360.web.common;

import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit of a batch's chunk (and of the single-item requests {@link GroupedIngestions} gathers): its lines run
 * in one unit of work, so their events reach the event store in one transaction (one JDBC batch, one synchronous H2
 * commit) instead of one each. Every line's command still runs in a
 * unit of work of its own, which Axon's {@code SimpleCommandBus} nests in the chunk's ({@code DefaultUnitOfWork}
 * joins the thread's current one; the nested Spring transaction only participates, and
 * {@code SpringTransactionManager} never rolls back a transaction it did not start):
 * <ul>
 * <li>a rejected line rolls back alone: its events never leave its own unit of work, and the aggregates it loaded
 * are dropped from the chunk's cache of loaded aggregates ({@code AbstractRepository} keeps them in the root unit of
 * work and removes them on the nested rollback);</li>
 * <li>a line that succeeds hands its events to the chunk's unit of work ({@code AbstractEventBus} moves a nested
 * unit's staged events to its parent on commit), and a later line loading the same aggregate sees them, in memory
 * or, after a rollback dropped it, from the store plus the staged events ({@code AbstractEventStore.readEvents});</li>
 * <li>aggregate locks are held until the chunk ends (a nested unit's clean-up runs with its root's), so a concurrent
 * request for one of its aggregates waits for the chunk instead of interleaving;</li>
 * <li>side effects registered after commit (e-mails, password hashes) run after the chunk's commit, never before.</li>
 * </ul>
 * Should the chunk's commit fail (a concurrent writer took an aggregate's next sequence number first, a write
 * error), nothing of it is stored; its lines then run again one by one, each in its own unit of work exactly as the
 * single calls do, so every line's answer is still the true one.
 */
@Component
public class GroupCommit {
    /**
     * Items per chunk unless configured otherwise: Axon looks a chunk's staged events up once per item, so the cost
     * per item grows with the chunk; 200 measured as fast as 500.
     */
    public static final int DEFAULT_CHUNK = 200;
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionManager transactions;

    public GroupCommit(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /**
     * Handles {@code items} in order on the calling (worker) thread and answers their results once they are
     * durable. {@code handle} must not throw for an item's own failure: it answers it, after
     * {@link #rethrowIfChunksConflict} has had a look at it.
     */
    public <T, R> List<R> run(List<T> items, Function<T, R> handle) {
        if (items.size() > 1) {
            try {
                return inOneUnitOfWork(items, handle);
            } catch (RuntimeException chunkFailure) {
                log.warn("A chunk of {} ingestions could not be committed together ({}); handling them one by one",
                        items.size(), chunkFailure.toString());
            }
        }
        List<R> results = new ArrayList<>(items.size());
        for (T item : items) results.add(handle.apply(item));
        return results;
    }

    /**
     * For {@code handle}, on an item's failure: a lock conflict inside a chunk is not the item's fault. Each chunk (of a
     * batch, of grouped single requests) holds its aggregates' locks until it commits, so two chunks that need each
     * other's aggregates meet Axon's deadlock detection or lock timeout; this throws, and the chunk is rolled back and
     * its items handled one by one, which holds one item's locks at a time. Outside a chunk the failure stays the item's.
     */
    public static void rethrowIfChunksConflict(Throwable failure) {
        if (!CurrentUnitOfWork.isStarted()) return;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LockAcquisitionFailedException) throw new ChunksConflict(failure);
        }
    }

    private static final class ChunksConflict extends RuntimeException {
        ChunksConflict(Throwable cause) {
            super("aggregate locks conflicted with another chunk", cause);
        }
    }

    private <T, R> List<R> inOneUnitOfWork(List<T> items, Function<T, R> handle) {
        UnitOfWork<?> chunk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("batch chunk of " + items.size() + " lines"));
        try {
            chunk.attachTransaction(transactions);
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) results.add(handle.apply(item));
            // appends every staged event in one transaction and commits it: the results are true only from here on
            chunk.commit();
            return results;
        } catch (RuntimeException | Error e) {
            if (chunk.isActive() && !chunk.phase().isAfter(UnitOfWork.Phase.COMMIT)) chunk.rollback(e);
            throw e;
        }
    }
}
