package br.com.opera360.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs handlers as one processor batch does: one Axon batching unit of work over the payloads' messages, each message
 * handled through the {@link BatchedInserts} interceptor. A handler's exception fails the batch and is rethrown.
 */
public final class ProcessorBatch {
    private ProcessorBatch() {
    }

    /** One message per payload, in order; {@code handle} is called with the index of the message being handled. */
    public static void run(BatchedInserts inserts, List<?> payloads, IntConsumer handle) throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) messages.add(GenericEventMessage.asEventMessage(payload));
        var unitOfWork = new BatchingUnitOfWork<>(messages);
        int[] next = {0};
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(inserts), message -> {
            handle.accept(next[0]++);
            return null;
        }).proceed());
        if (unitOfWork.getExecutionResult() != null && unitOfWork.getExecutionResult().isExceptionResult()) {
            throw (Exception) unitOfWork.getExecutionResult().getExceptionResult();
        }
    }
}
