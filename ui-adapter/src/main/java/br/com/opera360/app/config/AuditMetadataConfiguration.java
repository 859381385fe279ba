package br.com.opera360.app.config;

import br.com.opera360.kernel.common.AuditMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import static br.com.opera360.kernel.common.AuditMetadata.ACTOR;
import static br.com.opera360.kernel.common.AuditMetadata.CORRELATION_ID;
import static br.com.opera360.kernel.common.AuditMetadata.SOURCE;

/**
 * Every event carries who caused it ({@code actor}), through which door ({@code source}: portal, ingest, system) and
 * the request's {@code correlationId}. The web layer puts them on the command; this dispatch interceptor fills in the
 * application's own work ({@code system}); Axon copies them from the command onto every event it causes.
 */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataConfiguration {

    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, SOURCE, CORRELATION_ID);
    }

    @Bean
    SystemActorInterceptor systemActorInterceptor(CommandBus commandBus) {
        var interceptor = new SystemActorInterceptor();
        commandBus.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    static final class SystemActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                MetaData meta = command.getMetaData();
                if (meta.containsKey(ACTOR) && meta.containsKey(SOURCE) && meta.containsKey(CORRELATION_ID)) return command;
                return command.andMetaData(MetaData.with(ACTOR, meta.getOrDefault(ACTOR, AuditMetadata.SYSTEM))
                        .and(SOURCE, meta.getOrDefault(SOURCE, AuditMetadata.SYSTEM))
                        .and(CORRELATION_ID, meta.getOrDefault(CORRELATION_ID, UUID.randomUUID().toString())));
            };
        }
    }
}
