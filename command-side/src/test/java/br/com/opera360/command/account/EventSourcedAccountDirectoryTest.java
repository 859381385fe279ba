package br.com.opera360.command.account;

import br.com.opera360.kernel.account.AccountRegistered;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class EventSourcedAccountDirectoryTest {
    private final EmbeddedEventStore events = spy(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build());
    @SuppressWarnings("unchecked")
    private final EventSourcedAccountDirectory directory = new EventSourcedAccountDirectory(events, mock(Repository.class));

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void a_registered_account_is_read_once_per_unit_of_work_and_again_in_the_next() {
        events.publish(new GenericDomainEventMessage<>("CustomerAccount", "acc-1", 0,
                new AccountRegistered("acc-1", "11222333000181", "Acme", "adm-1")));
        inUnitOfWork(() -> {
            assertThat(directory.isRegistered("acc-1")).isTrue();
            assertThat(directory.isRegistered("acc-1")).isTrue();
        });
        verify(events, times(1)).readEvents(eq("acc-1"), anyLong());
        inUnitOfWork(() -> assertThat(directory.isRegistered("acc-1")).isTrue());
        verify(events, times(2)).readEvents(eq("acc-1"), anyLong());
    }

    @Test
    void an_unknown_account_is_asked_every_time_so_a_registration_later_in_the_same_unit_counts() {
        inUnitOfWork(() -> {
            assertThat(directory.isRegistered("acc-2")).isFalse();
            events.publish(new GenericDomainEventMessage<>("CustomerAccount", "acc-2", 0,
                    new AccountRegistered("acc-2", "11222333000181", "Acme", "adm-2")));
            assertThat(directory.isRegistered("acc-2")).isTrue();
        });
    }

    @Test
    void a_rolled_back_unit_takes_its_memory_with_it() {
        var unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>("line"));
        events.publish(new GenericDomainEventMessage<>("CustomerAccount", "acc-3", 0,
                new AccountRegistered("acc-3", "11222333000181", "Acme", "adm-3")));
        assertThat(directory.isRegistered("acc-3")).isTrue();
        unit.rollback();
        inUnitOfWork(() -> assertThat(directory.isRegistered("acc-3")).isFalse());
    }

    private static void inUnitOfWork(Runnable work) {
        var unit = DefaultUnitOfWork.startAndGet(new GenericMessage<>("line"));
        try {
            work.run();
            unit.commit();
        } catch (RuntimeException | Error e) {
            if (unit.isActive()) unit.rollback(e);
            throw e;
        }
    }
}
