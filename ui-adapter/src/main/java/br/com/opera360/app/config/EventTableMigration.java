package br.com.opera360.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Moves an event store created with {@code BLOB} payload and metadata columns (the schema before 2026-12) to the
 * {@code VARBINARY} columns of {@code db/eventstore-h2.sql}. H2 keeps every LOB apart from its row (a temporary LOB
 * at bind time, then the table's LOB, each with its own map entries) and reads it back through a stream: appends and
 * reads of the event table went several times slower than with the bytes in the row. The Java side is unchanged
 * (Axon binds and reads {@code byte[]} either way).
 *
 * <p>Runs before the schema script, then after it, on every start of the embedded mode; each step leaves the file in
 * a state the next start recognises, so a kill at any point loses nothing:
 * <ol>
 * <li>{@link #beforeSchema}: a table whose {@code payload} is a {@code BLOB} is renamed to {@code <table>_BLOB}
 * (one DDL statement, with its rows, constraints and indexes);</li>
 * <li>the schema script creates the table afresh ({@code IF NOT EXISTS}, constraint and index names of their own);</li>
 * <li>{@link #afterSchema}: while {@code <table>_BLOB} exists, its rows are copied into the new table in one
 * transaction if the new table is still empty (nothing else writes before the application has started, so a
 * non-empty table means that copy committed), the identity of {@code globalIndex} is moved past the highest copied
 * index (tracking tokens name global indexes: they stay valid), and {@code <table>_BLOB} is dropped.</li>
 * </ol>
 */
final class EventTableMigration {
    private static final Logger log = LoggerFactory.getLogger(EventTableMigration.class);
    static final String SUFFIX = "_BLOB";
    /** The event store's tables and whether each has Axon's {@code globalIndex} identity. */
    private static final List<Table> TABLES = List.of(new Table("DOMAINEVENTENTRY", true), new Table("SNAPSHOTEVENTENTRY", false));
    private static final String COLUMNS = "aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp";

    private record Table(String name, boolean globalIndex) {
    }

    private final DataSource dataSource;

    EventTableMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void beforeSchema() {
        run(connection -> {
            for (Table table : TABLES) {
                String type = columnType(connection, table.name(), "PAYLOAD");
                if (type != null && type.contains("LARGE OBJECT")) {
                    if (exists(connection, table.name() + SUFFIX)) {
                        // cannot happen through this class; never overwrite a table that may hold the only copy
                        throw new IllegalStateException(table.name() + " and " + table.name() + SUFFIX + " both hold BLOB events: resolve by hand");
                    }
                    log.warn("Event store: moving {} from BLOB to VARBINARY columns (a one-time migration)", table.name());
                    execute(connection, "ALTER TABLE " + table.name() + " RENAME TO " + table.name() + SUFFIX);
                }
            }
        });
    }

    void afterSchema() {
        run(connection -> {
            for (Table table : TABLES) {
                String old = table.name() + SUFFIX;
                if (!exists(connection, old)) continue;
                long copied = 0;
                if (!hasRows(connection, table.name())) {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        String columns = table.globalIndex() ? "globalIndex, " + COLUMNS : COLUMNS;
                        copied = statement.executeUpdate("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns
                                + " FROM " + old + (table.globalIndex() ? " ORDER BY globalIndex" : ""));
                        connection.commit();
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                }
                if (table.globalIndex()) {
                    long next = 1 + single(connection, "SELECT COALESCE(MAX(globalIndex), 0) FROM " + table.name());
                    execute(connection, "ALTER TABLE " + table.name() + " ALTER COLUMN globalIndex RESTART WITH " + next);
                }
                long before = single(connection, "SELECT COUNT(*) FROM " + old);
                long after = single(connection, "SELECT COUNT(*) FROM " + table.name());
                if (after < before) {
                    throw new IllegalStateException(table.name() + " holds " + after + " rows after the migration, " + old + " " + before + ": kept both");
                }
                execute(connection, "DROP TABLE " + old);
                log.warn("Event store: {} moved to VARBINARY columns ({} rows copied now, {} in all)", table.name(), copied, after);
            }
        });
    }

    private interface Work {
        void on(Connection connection) throws SQLException;
    }

    private void run(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Event store migration to VARBINARY columns failed", e);
        }
    }

    private static String columnType(Connection connection, String table, String column) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
