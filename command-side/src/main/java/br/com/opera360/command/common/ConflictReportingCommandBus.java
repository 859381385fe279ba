package br.com.opera360.command.common;

import br.com.opera360.kernel.common.Rejected;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The bus that runs the command handlers, reporting a lost race as the rejection {@link Rejected#concurrentChange()}
 * in the result's details, like every {@link Rejected} ({@link RejectionWrappingInterceptor}). The race is lost at
 * commit, after the handler interceptors: the event store refused the aggregate's next sequence number
 * ({@link ConcurrencyException}, {@link AggregateStreamCreationException} for a second creation), or the aggregate's
 * lock was not free in time. Axon Server passes a remote handler's failure on under one error code for every kind
 * (AXONIQ-4002, {@code ErrorCode.getCommandExecutionErrorCode}) and its details only, so the details are what lets the
 * caller answer 409 in both runtime modes without reading the exception's message.
 */
public class ConflictReportingCommandBus implements CommandBus {
    private final CommandBus handlers;

    public ConflictReportingCommandBus(CommandBus handlers) {
        this.handlers = handlers;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        handlers.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        handlers.dispatch(command, (CommandCallback<C, R>) (message, result) -> callback.onResult(message, reported(result)));
    }

    static <R> CommandResultMessage<? extends R> reported(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional() || !lostARace(result.exceptionResult())) return result;
        Rejected rejected = Rejected.concurrentChange();
        var failure = new CommandExecutionException(rejected.getMessage(), result.exceptionResult(), rejected.details());
        return new GenericCommandResultMessage<R>(failure, result.getMetaData());
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof LockAcquisitionFailedException) return true;
        }
        return false;
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return handlers.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return handlers.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return handlers.registerDispatchInterceptor(interceptor);
    }
}
