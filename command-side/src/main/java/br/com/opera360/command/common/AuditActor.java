package br.com.opera360.command.common;

import br.com.opera360.kernel.common.AuditMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Names the actor of a unit of work that started without one: a login or a password reset arrives before anyone is
 * authenticated, and the handler learns whose it is only from the e-mail or challenge. Axon's correlation data is
 * read from the unit of work's message, so rewriting that message's {@code actor} makes every event applied from here
 * on carry the user id, as the contract's audit asks.
 */
public final class AuditActor {
    private AuditActor() {
    }

    @SuppressWarnings("unchecked")
    public static void identify(String userId) {
        if (!CurrentUnitOfWork.isStarted()) return;
        var unitOfWork = (UnitOfWork<Message<?>>) CurrentUnitOfWork.get();
        if (AuditMetadata.NOT_YET_IDENTIFIED.equals(unitOfWork.getMessage().getMetaData().get(AuditMetadata.ACTOR))) {
            unitOfWork.transformMessage(message -> message.andMetaData(MetaData.with(AuditMetadata.ACTOR, userId)));
        }
    }
}
