package br.com.opera360.web.common;

import br.com.opera360.kernel.common.AuditMetadata;
import br.com.opera360.kernel.common.ViewChanged;
import br.com.opera360.kernel.common.Written;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The one way controllers send commands: as a {@link Mono}, with the audit metadata of the request (actor, source,
 * correlationId); failures are mapped by the advice.
 */
@Component
public class Commands {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);
    /** How long a portal write waits for its view before answering anyway (style §7). */
    static final Duration VIEW_WAIT = Duration.ofSeconds(5);

    private final CommandGateway gateway;
    private final QueryGateway queries;

    Commands(CommandGateway gateway, QueryGateway queries) {
        this.gateway = gateway;
        this.queries = queries;
    }

    public <R> Mono<R> send(Object command) {
        return metaData().flatMap(meta -> Mono.deferContextual(ctx -> {
            Mono<R> sent = Mono.fromFuture(() -> gateway.<R>send(command, meta));
            // Axon's local bus runs the handler on the calling thread (BCrypt, JDBC, files): never on the event loop,
            // unless the caller is already a worker whose unit of work the command must join (a batch's chunk)
            return ctx.hasKey(ON_CALLING_THREAD) ? sent : sent.subscribeOn(Schedulers.boundedElastic());
        }));
    }

    /**
     * Reactor context key: {@link #send} handles the command on the subscribing thread, which is a worker thread
     * (never the event loop), so that the command's unit of work nests in the one that thread has started.
     */
    public static final String ON_CALLING_THREAD = Commands.class.getName() + ".onCallingThread";

    Mono<MetaData> metaData() {
        return Mono.deferContextual(ctx -> {
            String correlationId = ctx.getOrDefault(CorrelationIdFilter.CONTEXT_KEY, UUID.randomUUID().toString());
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .map(Commands::actorOf)
                    .defaultIfEmpty(new String[]{AuditMetadata.NOT_YET_IDENTIFIED, AuditMetadata.PORTAL})
                    .map(actor -> MetaData.with(AuditMetadata.ACTOR, actor[0]).and(AuditMetadata.SOURCE, actor[1])
                                          .and(AuditMetadata.CORRELATION_ID, correlationId));
        });
    }

    private static String[] actorOf(Authentication auth) {
        if (AuditMetadata.INGEST_ACTOR.equals(auth.getName())) return new String[]{AuditMetadata.INGEST_ACTOR, AuditMetadata.INGEST};
        return new String[]{auth.getName(), AuditMetadata.PORTAL};
    }

    /**
     * Read-your-writes: subscribes to the view's updates, sends the command (off the event loop: handlers block on
     * the event store and may hash passwords) and answers once the view reports the command's version. Projections
     * emit {@link ViewChanged} for {@code viewQuery}, filtered by id. After {@link #VIEW_WAIT} it answers anyway: the
     * write is stored, only the view lags.
     */
    public Mono<Written> sendAndAwait(Object command, Object viewQuery, Class<?> viewType) {
        return Mono.defer(() -> {
            var subscription = queries.subscriptionQuery(viewQuery, ResponseTypes.instanceOf(viewType),
                    ResponseTypes.instanceOf(ViewChanged.class));
            return this.<Written>send(command)
                       .subscribeOn(Schedulers.boundedElastic())
                       .flatMap(written -> subscription.updates()
                               .filter(changed -> changed.version() >= written.version())
                               .next()
                               .timeout(VIEW_WAIT)
                               .onErrorResume(TimeoutException.class, e -> {
                                   log.warn("View of {} did not reach version {} within {}", written.id(), written.version(), VIEW_WAIT);
                                   return Mono.empty();
                               })
                               .thenReturn(written))
                       .doFinally(signal -> subscription.close());
        });
    }

    /**
     * Waits until a view reaches {@code version}, for writes whose view is only known from the command's result: the
     * subscription starts before the current state is read, so no update falls between the two.
     */
    public <V> Mono<Void> awaitView(Object viewQuery, Class<V> viewType, ToLongFunction<V> versionOf, long version) {
        return Mono.defer(() -> {
            var subscription = queries.subscriptionQuery(viewQuery, ResponseTypes.instanceOf(viewType),
                    ResponseTypes.instanceOf(ViewChanged.class));
            Mono<Boolean> current = subscription.initialResult().map(view -> versionOf.applyAsLong(view) >= version);
            Mono<Boolean> later = subscription.updates().filter(changed -> changed.version() >= version).next().thenReturn(true);
            return current.filter(Boolean::booleanValue)
                          .switchIfEmpty(later)
                          .timeout(VIEW_WAIT)
                          .onErrorResume(TimeoutException.class, e -> {
                              log.warn("View {} did not reach version {} within {}", viewQuery.getClass().getSimpleName(), version, VIEW_WAIT);
                              return Mono.empty();
                          })
                          .then()
                          .doFinally(signal -> subscription.close());
        });
    }
}
