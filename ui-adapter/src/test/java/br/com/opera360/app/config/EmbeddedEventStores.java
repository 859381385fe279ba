package br.com.opera360.app.config;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * The embedded event store as the application opens it, for tests and benchmarks outside the application: the H2 URL
 * settings of {@code application.yml}, the start's schema script with its migration, and Axon's JDBC storage engine
 * with the application's serializer.
 */
public final class EmbeddedEventStores {
    private EmbeddedEventStores() {
    }

    /** An H2 file at {@code file} (without the {@code .mv.db} suffix) with the application's settings. */
    public static DataSource dataSource(Path file) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:retry:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        dataSource.setUser("sa");
        return dataSource;
    }

    /** What the application does at each start: the migration around the schema script. */
    public static void start(DataSource dataSource) {
        new EmbeddedModeConfiguration().eventStoreSchema(dataSource, schema()).initializeDatabase();
    }

    static SqlInitializationProperties schema() {
        var properties = new SqlInitializationProperties();
        properties.setSchemaLocations(List.of("classpath:db/eventstore-h2.sql"));
        properties.setMode(DatabaseInitializationMode.ALWAYS);
        return properties;
    }

    /** Axon's JDBC engine on {@code dataSource}, each append its own transaction, with the application's serializer. */
    public static JdbcEventStorageEngine engine(DataSource dataSource) {
        Serializer serializer = new AxonConfiguration().serializer(Jackson2ObjectMapperBuilder.json().build());
        return JdbcEventStorageEngine.builder().connectionProvider(dataSource::getConnection)
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }
}
