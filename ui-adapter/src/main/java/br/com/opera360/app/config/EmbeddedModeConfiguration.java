package br.com.opera360.app.config;

import br.com.opera360.Opera360Properties;
import br.com.opera360.query.common.StoreDurability;
import br.com.opera360.app.projection.ProjectionOperations;
import de.bwaldvogel.mongo.MongoServer;
import br.com.opera360.store.IndexedH2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import java.time.Clock;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.autoconfigure.sql.init.SqlDataSourceScriptDatabaseInitializer;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationProperties;
import org.springframework.beans.factory.annotation.Value;
import br.com.opera360.web.common.GroupCommit;
import br.com.opera360.web.common.GroupedIngestions;
import br.com.opera360.web.common.SingleIngestions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.mongodb.ConnectionString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The embedded default: no external service. Events go to Axon's JDBC engine on an H2 file (see application.yml:
 * datasource and {@code db/eventstore-h2.sql}); read models and tracking tokens to an in-process MongoDB wire-protocol
 * server backed by an H2 MVStore file, reached through the ordinary Spring Data client on a loopback port.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
class EmbeddedModeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedModeConfiguration.class);

    /**
     * Closed by the server's shutdown, which also writes the last changes to the file. Each query the store's indexes
     * did not serve counts in {@code opera360.store.fallback} (tagged by collection and query shape).
     * {@code opera360.embedded.read-store=stock} opens mongo-java-server's own H2 backend instead, for the benchmarks
     * that compare the two on the same jar (it keeps no secondary index: never for real use).
     */
    @Bean(destroyMethod = "")
    H2Backend readModelBackend(Opera360Properties props, MeterRegistry meters, Clock clock,
                               @Value("${opera360.embedded.read-store:indexed}") String readStore,
                               @Value("${opera360.embedded.read-store-cache-mb:" + IndexedH2Backend.DEFAULT_CACHE_MB + "}") int cacheMb) {
        try {
            var dir = props.dataDir().resolve("readmodel");
            Files.createDirectories(dir);
            var file = dir.resolve("readmodel.mv");
            if ("stock".equals(readStore)) {
                log.warn("opera360.embedded.read-store=stock: mongo-java-server's stock H2 backend, without secondary indexes (benchmarks only)");
                return new H2Backend(file.toString(), clock);
            }
            if (!"indexed".equals(readStore)) {
                throw new IllegalArgumentException("opera360.embedded.read-store must be 'indexed' or 'stock', not '" + readStore + "'");
            }
            var backend = IndexedH2Backend.open(file, clock, cacheMb);
            backend.fallbacks().listen((collection, shape) -> Counter.builder("opera360.store.fallback")
                    .description("Read-model queries the embedded store's indexes did not serve")
                    .tag("collection", collection).tag("shape", shape).register(meters).increment());
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the read-model store under " + props.dataDir(), e);
        }
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(H2Backend readModelBackend,
                                    @Value("${opera360.embedded.mongo-port:0}") int port) {
        var server = new MongoServer(readModelBackend);
        // loopback only; a fixed port (opera360.embedded.mongo-port) lets benchmarks and durability tests reach it
        server.bind("127.0.0.1", port);
        log.info("Embedded read-model store (indexed mongo-java-server on an H2 file) listening on {}", server.getLocalAddress());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        var address = embeddedMongoServer.getLocalAddress();
        var uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/opera360");
        return () -> uri;
    }

    /** See {@link EmbeddedCrashRecovery}: projections never keep events a crash took from the event store. */
    @Bean
    ConfigurerModule embeddedCrashRecovery(Opera360Properties props, Clock clock, ObjectProvider<ProjectionOperations> projections) {
        var recovery = new EmbeddedCrashRecovery(props.dataDir(), clock, projections::getObject);
        return configurer -> configurer.onInitialize(config -> {
            config.onStart(EmbeddedCrashRecovery.PHASE, recovery::beforeProcessorsStart);
            config.onShutdown(EmbeddedCrashRecovery.PHASE, recovery::afterProcessorsStop);
        });
    }

    /**
     * The event store's schema script ({@code spring.sql.init}), with {@link EventTableMigration} around it: a store
     * created with the former BLOB columns is moved to VARBINARY ones before anything reads or appends. Declaring this
     * bean replaces Spring Boot's own initializer, with the same settings and the same place in the startup order.
     */
    @Bean
    SqlDataSourceScriptDatabaseInitializer eventStoreSchema(DataSource dataSource, SqlInitializationProperties properties) {
        var migration = new EventTableMigration(dataSource);
        return new SqlDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                migration.beforeSchema();
                boolean initialized = super.initializeDatabase();
                migration.afterSchema();
                return initialized;
            }
        };
    }

    /**
     * Axon's JDBC connections straight from Spring's transaction-bound connection, without the
     * {@code UnitOfWorkAwareConnectionProviderWrapper} its auto-configuration puts around it. That wrapper closes the
     * connection again when the unit of work is cleaned up, after Spring's transaction has already handed it back to
     * the pool; HikariCP's second {@code close()} then clears the statement list of the pooled connection, which may
     * already serve another request ({@code ArrayIndexOutOfBoundsException} in {@code FastList}, a 500), seen with 16
     * concurrent ingestion clients. Every unit of work here runs in a Spring transaction (the command bus, the event
     * processors and the batch's chunks attach one), so the wrapper adds nothing.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Tells Axon that an insert broke the unique (aggregate, sequence) key, so that a concurrent append becomes a
     * {@code ConcurrencyException} (409) instead of a storage failure. H2 reports batched inserts as a
     * {@code BatchUpdateException} that Axon's SQL-error-code table does not recognise; SQLState 23505 is the
     * standard "unique violation" wherever it sits in the chain.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    for (SQLException s = sql; s != null; s = s.getNextException()) {
                        if ("23505".equals(s.getSQLState()) || s.getErrorCode() == 23505) return true;
                    }
                }
            }
            return false;
        };
    }

    /**
     * mongo-java-server's MVStore writes to its file about once a second. Secrets (password hashes, sessions) must
     * survive a kill the next instant, so their writes commit the store at once.
     */
    @Bean
    StoreDurability embeddedStoreDurability(H2Backend readModelBackend) {
        return readModelBackend::commit;
    }

    /**
     * Concurrent single-item ingestion requests committed together: H2 commits one transaction at a time, each
     * written to the file on its own (see {@link GroupedIngestions}).
     */
    @Bean
    SingleIngestions groupedIngestions(GroupCommit groupCommit, MeterRegistry meters) {
        return new GroupedIngestions(groupCommit, meters);
    }
}
