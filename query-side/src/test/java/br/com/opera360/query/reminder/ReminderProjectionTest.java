package br.com.opera360.query.reminder;

import br.com.opera360.kernel.invoice.InvoiceRegistered;
import br.com.opera360.kernel.invoice.PaymentRecorded;
import br.com.opera360.query.common.BatchedInserts;
import br.com.opera360.query.common.InMemoryMongo;
import br.com.opera360.query.common.ProcessorBatch;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder schedule inside one processor batch: entries go in with the batch, a later change of the batch sees them. */
class ReminderProjectionTest {
    private InMemoryMongo store;
    private BatchedInserts inserts;
    private ReminderProjection projection;

    @BeforeEach
    void start() {
        store = new InMemoryMongo();
        inserts = new BatchedInserts(store.template());
        projection = new ReminderProjection(store.template(), SimpleQueryUpdateEmitter.builder().build(), inserts);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static InvoiceRegistered registered(String number) {
        return new InvoiceRegistered("acme:" + number, "acme", number, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 21),
                "M2M", null, List.of(), new BigDecimal("150.00"));
    }

    private record Delivery(Object event, long seq) {
    }

    /** The deliveries as one batching unit of work through {@link BatchedInserts}, as a processor runs them. */
    private void batch(List<Delivery> deliveries) throws Exception {
        ProcessorBatch.run(inserts, deliveries.stream().map(Delivery::event).toList(), i -> {
            Delivery d = deliveries.get(i);
            if (d.event() instanceof InvoiceRegistered r) projection.on(r, d.seq());
            else if (d.event() instanceof PaymentRecorded p) projection.on(p, d.seq());
            else throw new IllegalArgumentException(d.event().toString());
        });
    }

    @Test
    void a_payment_in_the_batch_of_its_invoice_applies_and_a_redelivered_batch_changes_nothing() throws Exception {
        var history = List.of(new Delivery(registered("A1"), 0), new Delivery(registered("A2"), 0),
                new Delivery(new PaymentRecorded("acme:A1", "acme", "A1", "key-1", "pay-1", new BigDecimal("150.00"),
                        LocalDate.of(2026, 3, 10), BigDecimal.ZERO), 1));
        for (int round = 0; round < 2; round++) {
            batch(history);
            var paid = store.template().findById("acme:A1", ReminderScheduleView.class);
            var open = store.template().findById("acme:A2", ReminderScheduleView.class);
            assertThat(paid).isNotNull();
            assertThat(paid.cancelled()).isTrue();
            assertThat(paid.amountDueCents()).isZero();
            assertThat(paid.version()).isEqualTo(1);
            assertThat(open.cancelled()).isFalse();
            assertThat(open.amountDueCents()).isEqualTo(15_000);
            assertThat(store.template().count(new Query(), ReminderScheduleView.class)).isEqualTo(2);
        }
    }
}
