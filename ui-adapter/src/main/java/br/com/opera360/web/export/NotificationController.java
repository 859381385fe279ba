package br.com.opera360.web.export;

import br.com.opera360.kernel.common.Page;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.export.FindNotifications;
import br.com.opera360.kernel.export.NotificationDetails;
import br.com.opera360.kernel.export.WatchNotifications;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.common.Paging;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;

/** The caller's notifications (one per export they asked for): the list, and a live stream of their changes. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notificações", description = "Andamento das exportações de quem as pediu")
class NotificationController {
    /** Keeps proxies from closing an idle stream. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final QueryGateway queries;
    /** Completed when the application closes: open streams end, so a graceful shutdown does not wait for them. */
    private final Sinks.Empty<Void> closing = Sinks.empty();

    NotificationController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Notificações de quem chama, da mais nova para a mais antiga (paginada)")
    @GetMapping
    @SuppressWarnings("rawtypes")
    Mono<Page> list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String page,
                    @RequestParam(required = false) String size) {
        return Mono.fromCallable(() -> {
                       var fields = new Fields();
                       PageRequest paging = Paging.parse(page, size, fields);
                       fields.check();
                       return new FindNotifications(user.accountId(), user.userId(), paging);
                   })
                   .flatMap(q -> Mono.fromFuture(() -> queries.query(q, Page.class)));
    }

    /**
     * One {@code notification} event each time one of the caller's notifications changes, pushed from a subscription
     * query that the notification projection feeds (no polling).
     */
    @Operation(summary = "text/event-stream: um evento 'notification' a cada mudança de uma notificação de quem chama")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<NotificationDetails>> stream(@AuthenticationPrincipal PortalUser user) {
        return Flux.using(
                () -> queries.subscriptionQuery(new WatchNotifications(user.accountId(), user.userId()),
                        ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(NotificationDetails.class)),
                subscription -> {
                    Flux<ServerSentEvent<NotificationDetails>> changes = subscription.updates()
                            .map(n -> ServerSentEvent.builder(n).event("notification").id(n.exportId() + ":" + n.status()
                                    + ":" + n.progress()).build());
                    Flux<ServerSentEvent<NotificationDetails>> heartbeat = Flux.interval(HEARTBEAT)
                            .map(i -> ServerSentEvent.<NotificationDetails>builder().comment("keep-alive").build());
                    // a first comment at once: the client knows the stream is open (and the subscription registered)
                    var opened = Flux.just(ServerSentEvent.<NotificationDetails>builder().comment("connected").build());
                    return Flux.concat(opened, Flux.merge(changes, heartbeat));
                },
                subscription -> subscription.close())
                   .takeUntilOther(closing.asMono());
    }

    @EventListener(ContextClosedEvent.class)
    void close() {
        closing.tryEmitEmpty();
    }
}
