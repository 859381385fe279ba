package br.com.opera360.app.config;

import br.com.opera360.kernel.invoice.InvoiceRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.sql.init.SqlDataSourceScriptDatabaseInitializer;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event store written with the former BLOB schema ({@code db/eventstore-h2-blob.sql}, the file as it was) is
 * opened by the application's schema initializer: every event and snapshot reads back through Axon's JDBC engine
 * with its global index, new appends continue after them, and a start killed half-way through the migration is
 * completed by the next one.
 */
class EventTableMigrationTest {
    private static final int EVENTS = 1_200;

    @TempDir
    Path dir;

    @Test
    void an_old_blob_store_is_moved_to_varbinary_and_reads_back_whole() {
        assertStartMigrates(dataSource -> { }); // no start before this one
    }

    @Test
    void a_start_killed_after_the_rename_is_completed_by_the_next_one() {
        assertStartMigrates(dataSource -> new EventTableMigration(dataSource).beforeSchema()); // killed here: the new table not created yet
    }

    @Test
    void a_start_killed_after_the_copy_is_completed_by_the_next_one_without_copying_twice() {
        assertStartMigrates(dataSource -> {
            new EventTableMigration(dataSource).beforeSchema();
            script(dataSource).initializeDatabase();
            new JdbcTemplate(dataSource).update("INSERT INTO DomainEventEntry SELECT * FROM DomainEventEntry_BLOB"); // committed, then killed
        });
    }

    /**
     * An old store with its events, what an earlier, killed start had done to it ({@code killedStart}), then a whole
     * start: the store is migrated and reads back as it was.
     */
    private void assertStartMigrates(Consumer<DataSource> killedStart) {
        DataSource dataSource = dataSource();
        List<Long> before = oldStoreWithEvents(dataSource);
        killedStart.accept(dataSource);

        start(dataSource);

        assertMigrated(dataSource, before);
    }

    @Test
    void a_new_store_starts_with_varbinary_columns_and_a_restart_changes_nothing() {
        DataSource dataSource = dataSource();
        start(dataSource);
        var engine = engine(dataSource);
        engine.appendEvents(invoices("acc-new", 0, 10));
        start(dataSource);
        assertThat(columnTypes(dataSource)).containsOnly("BINARY VARYING");
        assertThat(identityCache(dataSource)).isEqualTo(200);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(10);
    }

    @Test
    void a_store_created_with_h2s_default_identity_cache_takes_the_larger_one_at_start() {
        DataSource dataSource = dataSource();
        start(dataSource);
        new JdbcTemplate(dataSource).execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex SET CACHE 32"); // as created before
        engine(dataSource).appendEvents(invoices("acc-cache", 0, 5));
        start(dataSource);
        assertThat(identityCache(dataSource)).isEqualTo(200);
        engine(dataSource).appendEvents(invoices("acc-cache", 5, 10));
        assertThat(engine(dataSource).readEvents(null, false).map(e -> e.trackingToken().position().getAsLong()).toList())
                .hasSize(10).isSorted().doesNotHaveDuplicates();
    }

    /** How many identity values H2 takes at a time for the event table's global index. */
    private static long identityCache(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND TABLE_NAME = 'DOMAINEVENTENTRY' AND COLUMN_NAME = 'GLOBALINDEX'", Long.class);
    }

    private void assertMigrated(DataSource dataSource, List<Long> before) {
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(columnTypes(dataSource)).containsOnly("BINARY VARYING");
        assertThat(identityCache(dataSource)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE '%" + EventTableMigration.SUFFIX + "'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'DOMAINEVENTENTRY' AND INDEX_NAME = 'IX_EVENT_TIMESTAMP'",
                Long.class)).isOne();

        var engine = engine(dataSource);
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(all).extracting(e -> e.trackingToken().position().getAsLong()).containsExactlyElementsOf(before);
        List<Object> payloads = all.stream().map(e -> (Object) e.getPayload()).toList();
        assertThat(payloads).isEqualTo(invoices("acc-old", 0, EVENTS).stream().map(e -> (Object) e.getPayload()).toList());
        assertThat(all.get(7).getMetaData()).containsEntry("actor", "system:ingest").containsEntry("correlationId", "c-7");
        var stream = engine.readEvents("acc-old:N42");
        assertThat(stream.next().getPayload()).isEqualTo(invoices("acc-old", 42, 43).get(0).getPayload());
        var snapshot = engine.readSnapshot("acc-old:N5");
        assertThat(snapshot).isPresent();
        assertThat(snapshot.get().getPayload()).isEqualTo(invoices("acc-old", 5, 6).get(0).getPayload());

        // a new append continues after the highest global index, as the tracking tokens expect; the unique keys hold
        engine.appendEvents(invoices("acc-after", 0, 3));
        List<Long> indexes = engine.readEvents(null, false)
                                   .map(e -> e.trackingToken().position().getAsLong()).filter(i -> i > before.get(before.size() - 1)).toList();
        assertThat(indexes).hasSize(3).allMatch(i -> i > before.get(before.size() - 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.appendEvents(invoices("acc-old", 0, 1)))
                                       .isInstanceOf(RuntimeException.class);
    }

    private List<String> columnTypes(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND TABLE_NAME IN ('DOMAINEVENTENTRY', 'SNAPSHOTEVENTENTRY') AND COLUMN_NAME IN ('PAYLOAD', 'METADATA')", String.class);
    }

    /** The old schema, {@value #EVENTS} invoices appended in chunks and one snapshot; a gap in the global index. */
    private List<Long> oldStoreWithEvents(DataSource dataSource) {
        var old = new SqlInitializationProperties();
        old.setSchemaLocations(List.of("classpath:db/eventstore-h2-blob.sql"));
        old.setMode(DatabaseInitializationMode.ALWAYS);
        new SqlDataSourceScriptDatabaseInitializer(dataSource, old).initializeDatabase();
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(columnTypes(dataSource)).containsOnly("BINARY LARGE OBJECT");
        var engine = engine(dataSource);
        List<? extends EventMessage<?>> events = invoices("acc-old", 0, EVENTS);
        for (int from = 0; from < EVENTS; from += 500) {
            engine.appendEvents(events.subList(from, Math.min(EVENTS, from + 500)));
            jdbc.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH "
                    + (jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class) + 10));
        }
        engine.storeSnapshot(invoices("acc-old", 5, 6).get(0));
        return jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex", Long.class);
    }

    private static void start(DataSource dataSource) {
        EmbeddedEventStores.start(dataSource);
    }

    /** The schema script alone, without the migration around it. */
    private static SqlDataSourceScriptDatabaseInitializer script(DataSource dataSource) {
        return new SqlDataSourceScriptDatabaseInitializer(dataSource, EmbeddedEventStores.schema());
    }

    private DataSource dataSource() {
        return EmbeddedEventStores.dataSource(dir.resolve("events"));
    }

    private static JdbcEventStorageEngine engine(DataSource dataSource) {
        return EmbeddedEventStores.engine(dataSource);
    }

    private static List<DomainEventMessage<?>> invoices(String accountId, int from, int to) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        IntStream.range(from, to).forEach(i -> {
            String id = accountId + ":N" + i;
            var event = new InvoiceRegistered(id, accountId, "N" + i, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "M2M Telecomunicações S.A.",
                    null, List.of(new InvoiceRegistered.Item("LINK-" + i, "Link Dedicado", "Mensalidade", new BigDecimal("100.00"),
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))), new BigDecimal("100.00"));
            events.add(new GenericDomainEventMessage<>("Invoice", id, 0, event,
                    MetaData.with("actor", "system:ingest").and("correlationId", "c-" + i), "e-" + accountId + "-" + i,
                    java.time.Instant.parse("2026-03-10T15:00:00Z")));
        });
        return events;
    }
}
