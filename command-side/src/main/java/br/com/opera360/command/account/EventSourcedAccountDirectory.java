package br.com.opera360.command.account;

import br.com.opera360.command.common.Aggregates;
import br.com.opera360.command.user.AccountFacts;
import br.com.opera360.kernel.account.AccountRegistered;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * What other features ask about an account. {@link #isRegistered} reads the first event of the account's stream
 * instead of loading the account through its repository: a load would lock the account until the caller's unit of
 * work ends, so every invoice and service ingested for one account at the same time would wait for the others'
 * commits. Aggregate ids share one space in the event store: the stream is an account's when it starts with
 * {@link AccountRegistered}. Events staged by the caller's unit of work count too (Axon's
 * {@code AbstractEventStore.readEvents}), so a batch line sees the account of an earlier line. A registration is
 * never undone, so a yes is remembered for the rest of the root unit of work (a batch chunk asks once per account,
 * not once per line); if that unit rolls back, the memory goes with it. The user administration's questions
 * (profiles, administrator) load the account: they decide on its current state.
 */
@Component
class EventSourcedAccountDirectory implements AccountDirectory, AccountFacts {
    private static final String REGISTERED_IN_THIS_UNIT = EventSourcedAccountDirectory.class.getName() + ".registered";

    private final EventStore events;
    private final Repository<CustomerAccount> accounts;

    EventSourcedAccountDirectory(EventStore events, Repository<CustomerAccount> accounts) {
        this.events = events;
        this.accounts = accounts;
    }

    @Override
    public boolean isRegistered(String accountId) {
        if (!CurrentUnitOfWork.isStarted()) return readRegistered(accountId);
        Set<String> known = CurrentUnitOfWork.get().root().getOrComputeResource(REGISTERED_IN_THIS_UNIT, k -> new HashSet<>());
        if (known.contains(accountId)) return true;
        boolean registered = readRegistered(accountId);
        if (registered) known.add(accountId);
        return registered;
    }

    private boolean readRegistered(String accountId) {
        var stream = events.readEvents(accountId, 0);
        return stream.hasNext() && stream.peek().getPayload() instanceof AccountRegistered;
    }

    @Override
    public boolean hasProfile(String accountId, String profileId) {
        return Aggregates.find(accounts, accountId).filter(a -> a.invoke(account -> account.hasProfile(profileId))).isPresent();
    }

    @Override
    public String administratorOf(String accountId) {
        return accounts.load(accountId).invoke(CustomerAccount::administratorId);
    }
}
