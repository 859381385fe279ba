package br.com.opera360.app.identity;

import br.com.opera360.command.user.Sessions;
import br.com.opera360.kernel.user.UserDeactivated;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Contract: "Deactivating a user ends that user's sessions at once." A subscribing processor runs in the unit of work
 * that recorded {@code UserDeactivated}, before the deactivation is answered (the request filter also refuses an
 * inactive user, so a lagging view cannot reopen a door). No replay: ending sessions is a side effect.
 */
@Configuration(proxyBeanMethods = false)
@ProcessingGroup(ProcessingGroups.SESSION_TERMINATION)
class SessionTermination {
    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);
    private final Sessions sessions;

    SessionTermination(Sessions sessions) {
        this.sessions = sessions;
    }

    @Autowired
    void subscribing(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ProcessingGroups.SESSION_TERMINATION);
    }

    @EventHandler
    void on(UserDeactivated e) {
        sessions.endAllOf(e.userId());
        log.info("Sessions of user {} ended: user deactivated", e.userId());
    }
}
