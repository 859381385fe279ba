package br.com.opera360.production;

import br.com.opera360.Opera360Application;
import br.com.opera360.command.common.ConflictReportingCommandBus;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile's wiring, checked where Docker is missing (ProductionWiringIT runs it against the real
 * servers): events, commands and queries go to Axon Server, tracking tokens to the configured MongoDB, and no JDBC
 * event store is created. An in-process MongoDB wire-protocol server stands in for MongoDB; Axon Server is a port
 * nobody listens on, which the application tolerates at startup (the connector keeps retrying).
 */
class ProductionProfileWiringTest {

    @Test
    void production_uses_axon_server_for_messages_and_mongodb_for_tokens_and_creates_no_jdbc_event_store() throws IOException {
        var mongo = new MongoServer(new MemoryBackend());
        var address = mongo.bind();
        // The application points Axon's static event clock at its Clock bean; the API tests' shared context, which
        // lives on in this JVM, must keep its test clock.
        Clock eventClock = GenericEventMessage.clock;
        try (var context = new SpringApplicationBuilder(Opera360Application.class).profiles("production").run(
                "--server.port=0",
                "--opera360.data-dir=" + Path.of("target/production-wiring", UUID.randomUUID().toString()).toAbsolutePath(),
                "--spring.data.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort() + "/opera360",
                "--axon.axonserver.servers=127.0.0.1:" + unusedPort(),
                "--opera360.ingest.api-key=production-wiring-test-key")) {

            assertThat(context.getBeanProvider(DataSource.class).getIfAvailable()).as("a JDBC DataSource").isNull();
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBeansOfType(ConflictReportingCommandBus.class)).as("Axon Server's local segment").hasSize(1);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(context.getBean(MongoTemplate.class).collectionExists("trackingtokens"))
                    .as("the token store's collection in the configured MongoDB").isTrue();
            // the processors' gauges exist although Axon Server is unreachable, and read as unknown rather than failing
            var lag = context.getBean(MeterRegistry.class).find("opera360.projection.lag").tag("processor", "invoice").gauge();
            assertThat(lag).as("the invoice processor's lag gauge").isNotNull();
            assertThat(lag.value()).isNaN();

            // Axon Server's event store is built with the configuration's upcaster chain (AxonServerBusAutoConfiguration):
            // that chain reads a revision-0 InvoiceRegistered as revision 1
            var entry = new GenericDomainEventEntry<>("Invoice", "a:1", 0, "e-1", "2026-01-01T00:00:00Z", "InvoiceRegistered",
                    "0", "{\"items\":[{\"amount\":1.50},{\"amount\":2.25}]}".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8));
            var upcast = context.getBean(org.axonframework.config.Configuration.class).upcasterChain()
                    .upcast(Stream.of(new InitialEventRepresentation(entry, context.getBean(Serializer.class)))).toList();
            assertThat(upcast).singleElement().satisfies(e -> {
                assertThat(e.getType()).isEqualTo(new SimpleSerializedType("InvoiceRegistered", "1"));
                assertThat(e.getData(JsonNode.class).getData().get("totalAmount").decimalValue()).isEqualByComparingTo("3.75");
            });
        } finally {
            GenericEventMessage.clock = eventClock;
            mongo.shutdownNow();
        }
    }

    private static int unusedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
