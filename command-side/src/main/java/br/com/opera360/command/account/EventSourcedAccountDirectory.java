package br.com.opera360.command.account;

import br.com.opera360.kernel.account.AccountRegistered;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the first event of the account's stream instead of loading the account through its repository: a load
 * would lock the account until the caller's unit of work ends, so every invoice and service ingested for one
 * account at the same time would wait for the others' commits. Aggregate ids share one space in the event store:
 * the stream is an account's when it starts with {@link AccountRegistered}. Events staged by the caller's unit of
 * work count too (Axon's {@code AbstractEventStore.readEvents}), so a batch line sees the account of an earlier line.
 */
@Component
class EventSourcedAccountDirectory implements AccountDirectory {
    private final EventStore events;

    EventSourcedAccountDirectory(EventStore events) {
        this.events = events;
    }

    @Override
    public boolean isRegistered(String accountId) {
        var stream = events.readEvents(accountId, 0);
        return stream.hasNext() && stream.peek().getPayload() instanceof AccountRegistered;
    }
}
