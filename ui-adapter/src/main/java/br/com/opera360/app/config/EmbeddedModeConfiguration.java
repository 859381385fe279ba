package br.com.opera360.app.config;

import br.com.opera360.app.identity.StoreDurability;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.mongodb.ConnectionString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The embedded default: no external service. Events go to Axon's JDBC engine on an H2 file (see application.yml:
 * datasource and {@code db/eventstore-h2.sql}); read models and tracking tokens to an in-process MongoDB wire-protocol
 * server backed by an H2 MVStore file, reached through the ordinary Spring Data client on a loopback port.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
class EmbeddedModeConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedModeConfiguration.class);

    /** Closed by the server's shutdown, which also writes the last changes to the file. */
    @Bean(destroyMethod = "")
    H2Backend readModelBackend(Opera360Properties props) {
        try {
            var dir = props.dataDir().resolve("readmodel");
            Files.createDirectories(dir);
            return new H2Backend(dir.resolve("readmodel.mv").toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the read-model store under " + props.dataDir(), e);
        }
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(H2Backend readModelBackend) {
        var server = new MongoServer(readModelBackend);
        server.bind("127.0.0.1", 0);
        log.info("Embedded read-model store (mongo-java-server on an H2 file) listening on {}", server.getLocalAddress());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        var address = embeddedMongoServer.getLocalAddress();
        var uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/opera360");
        return () -> uri;
    }

    /**
     * mongo-java-server's MVStore writes to its file about once a second. Secrets (password hashes, sessions) must
     * survive a kill the next instant, so their writes commit the store at once.
     */
    @Bean
    StoreDurability embeddedStoreDurability(H2Backend readModelBackend) {
        return readModelBackend::commit;
    }
}
