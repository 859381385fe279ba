package br.com.opera360.query.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The creations of one processor batch (up to 100 events in one unit of work) go to MongoDB as one unordered bulk
 * insert per view type instead of one round trip each: a replay or a catch-up is mostly creations.
 * <p>
 * Order and durability: the inserts are written at the end of the batch's last event, while the batch is still being
 * processed, so before its tracking token is stored; a failed write fails the batch, which the processor retries,
 * and a crash in between redelivers the batch. A duplicate key (a redelivered creation) is ignored, as the single
 * insert did. A handler that reads or changes its views calls {@link #flush()} first, so it sees its own creations;
 * subscription-query updates go out after the commit, so after the flush.
 * <p>
 * A projection that derives a second view from the first (the service map from the services) collects what it has to
 * bring in line during the batch ({@link #atBatchEnd}) and writes it in bulk once the batch's creations are written.
 * <p>
 * Buffering happens only inside a unit of work this interceptor wraps (registered for every processor); anywhere
 * else {@link #insert} writes at once and {@link #atBatchEnd} answers null (the caller writes at once).
 */
@Component
public class BatchedInserts implements MessageHandlerInterceptor<EventMessage<?>> {
    /** Unit-of-work resource: the batch's views waiting to be inserted, by type, in the order they came. */
    private static final String PENDING = BatchedInserts.class.getName() + ".pending";
    /** Unit-of-work resource: the batch's end-of-batch work, by key, each with what was collected for it. */
    private static final String AT_END = BatchedInserts.class.getName() + ".atEnd";
    private final MongoTemplate mongo;

    public BatchedInserts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        unitOfWork.getOrComputeResource(PENDING, key -> new LinkedHashMap<Class<?>, List<Object>>());
        unitOfWork.getOrComputeResource(AT_END, key -> new LinkedHashMap<String, AtEnd<?>>());
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) finish(unitOfWork);
        return result;
    }

    /**
     * This batch's collection under {@code key} (made by {@code create} on the first call of the batch), handed to
     * {@code atEnd} at the end of the batch, after its creations are written and before its token is stored. Outside
     * a batch: null, and the caller writes at once.
     */
    public <T> T atBatchEnd(String key, Supplier<T> create, Consumer<T> atEnd) {
        Map<String, AtEnd<?>> tasks = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(AT_END) : null;
        if (tasks == null) return null;
        @SuppressWarnings("unchecked")
        AtEnd<T> task = (AtEnd<T>) tasks.computeIfAbsent(key, k -> new AtEnd<>(create.get(), atEnd));
        return task.collected();
    }

    private record AtEnd<T>(T collected, Consumer<T> work) {
        void run() {
            work.accept(collected);
        }
    }

    /** Inserts the view with this batch's other creations; a view that is already there is left as it is. */
    public void insert(Object view) {
        Map<Class<?>, List<Object>> pending = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(PENDING) : null;
        if (pending == null) {
            insertAll(view.getClass(), List.of(view));
            return;
        }
        pending.computeIfAbsent(view.getClass(), type -> new ArrayList<>()).add(view);
    }

    /** Writes this batch's pending creations now (before a read or a change of the same views). */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) write(CurrentUnitOfWork.get());
    }

    /** The batch's creations, then its end-of-batch work (which may create more), until nothing is left. */
    private void finish(UnitOfWork<?> unitOfWork) {
        write(unitOfWork);
        Map<String, AtEnd<?>> tasks = unitOfWork.getResource(AT_END);
        while (tasks != null && !tasks.isEmpty()) {
            String key = tasks.keySet().iterator().next();
            tasks.remove(key).run();
            write(unitOfWork);
        }
    }

    private void write(UnitOfWork<?> unitOfWork) {
        Map<Class<?>, List<Object>> pending = unitOfWork.getResource(PENDING);
        if (pending == null || pending.isEmpty()) return;
        pending.forEach(this::insertAll);
        pending.clear();
    }

    private void insertAll(Class<?> type, List<?> views) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type).insert(views).execute();
        } catch (DataAccessException e) {
            if (!onlyDuplicateKeys(e)) throw e;
        }
    }

    /** Whether every failed insert of the bulk hit an existing id (however Spring translated the driver's error). */
    public static boolean onlyDuplicateKeys(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk) {
                return !bulk.getWriteErrors().isEmpty() && bulk.getWriteConcernError() == null
                        && bulk.getWriteErrors().stream()
                               .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            }
        }
        return false;
    }
}
