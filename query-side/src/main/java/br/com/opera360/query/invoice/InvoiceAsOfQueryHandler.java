package br.com.opera360.query.invoice;

import br.com.opera360.kernel.invoice.GetInvoiceAsOf;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/** An invoice as it stood at an instant, rebuilt from the event store (audit); never from the views. */
@Component
class InvoiceAsOfQueryHandler {
    private final EventStore events;
    private final Clock clock;

    InvoiceAsOfQueryHandler(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Folds the invoice's events up to {@code asOf} with the projection's own transitions ({@link InvoiceEvolution}),
     * and its negotiation's when it was negotiated by then; calendar-derived values (PENDING, days overdue, OVERDUE
     * installments) are those of that instant's day in São Paulo.
     */
    @QueryHandler
    CompletableFuture<InvoiceDetails> handle(GetInvoiceAsOf q) {
        // reading the event store blocks: never on the caller's (event loop) thread
        return Mono.fromCallable(() -> {
                       InvoiceView invoice = fold(q.invoiceId().value(), q.asOf(), InvoiceEvolution::invoice);
                       if (invoice == null || !invoice.accountId().equals(q.accountId().value())) return null;
                       LocalDate day = LocalDate.ofInstant(q.asOf(), clock.getZone());
                       NegotiationView negotiation = InvoiceView.INSTALLMENT.equals(invoice.state())
                               ? fold(invoice.negotiationId(), q.asOf(), InvoiceEvolution::negotiation) : null;
                       return InvoiceAnswers.details(invoice, negotiation == null ? null : InvoiceAnswers.negotiation(negotiation, day), day);
                   })
                   .subscribeOn(Schedulers.boundedElastic())
                   .toFuture();
    }

    private <V> V fold(String aggregateId, Instant asOf, InvoiceEvolution.Step<V> evolution) {
        V state = null;
        // from sequence 0: the plain readEvents(id) would start at a snapshot, which is no event of the view
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!event.getTimestamp().isAfter(asOf)) state = evolution.apply(state, event.getPayload(), event.getSequenceNumber());
        }
        return state;
    }
}
