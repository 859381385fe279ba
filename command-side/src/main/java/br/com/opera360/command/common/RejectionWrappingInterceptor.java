package br.com.opera360.command.common;

import br.com.opera360.kernel.common.Rejected;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a {@link Rejected} into a {@link CommandExecutionException} whose details carry the rejection, so that a
 * rejection looks the same to the caller on the local bus and across Axon Server.
 */
public class RejectionWrappingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Rejected rejected) {
            throw new CommandExecutionException(rejected.getMessage(), null, rejected.details());
        }
    }
}
