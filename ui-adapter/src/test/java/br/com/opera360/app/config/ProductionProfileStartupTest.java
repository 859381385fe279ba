package br.com.opera360.app.config;

import br.com.opera360.Opera360Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The production profile refuses to start without a real ingestion key, before it opens a single connection: the
 * operator sees the reason at once instead of a timeout against MongoDB or Axon Server. Runs without Docker: "MongoDB"
 * and "Axon Server" are plain listening sockets that must never be contacted.
 */
class ProductionProfileStartupTest {
    private static final String REASON = "The production profile needs opera360.ingest.api-key";

    private final ServerSocket mongo = listen();
    private final ServerSocket axonServer = listen();

    @AfterEach
    void close() throws IOException {
        mongo.close();
        axonServer.close();
    }

    @Test
    void the_production_profile_refuses_to_start_without_an_ingestion_key() {
        assertRefusedQuickly(List.of());
    }

    @Test
    void the_production_profile_refuses_to_start_with_a_blank_ingestion_key() {
        assertRefusedQuickly(List.of("opera360.ingest.api-key=   "));
    }

    @Test
    void the_production_profile_refuses_to_start_with_the_development_key() {
        assertRefusedQuickly(List.of("opera360.ingest.api-key=" + ProductionModeConfiguration.DEV_KEY));
    }

    @Test
    void the_production_profile_refuses_to_start_with_a_key_shorter_than_16_characters() {
        assertRefusedQuickly(List.of("opera360.ingest.api-key=short-secret-15"));
    }

    @Test
    void a_secret_of_16_characters_or_more_is_accepted() {
        assertThatCode(() -> ProductionModeConfiguration.requireIngestKey("a-secret-of-24-characters"))
                .doesNotThrowAnyException();
    }

    private void assertRefusedQuickly(List<String> extra) {
        // Command-line arguments, as an operator would give them: they outrank application-production.yml.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--opera360.data-dir=" + Path.of("target/production-startup", UUID.randomUUID().toString()).toAbsolutePath(),
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalPort() + "/opera360?serverSelectionTimeoutMS=1000",
                "--axon.axonserver.servers=127.0.0.1:" + axonServer.getLocalPort()));
        extra.forEach(property -> args.add("--" + property));
        var app = new SpringApplicationBuilder(Opera360Application.class).profiles("production");

        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> app.run(args.toArray(String[]::new)));
        assertThat(failure).as("startup failure").isNotNull();
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(REASON)
                .hasMessageContaining("OPERA360_INGEST_API_KEY");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(contacted(mongo)).as("MongoDB was contacted").isFalse();
        assertThat(contacted(axonServer)).as("Axon Server was contacted").isFalse();
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contacted(ServerSocket socket) {
        try {
            socket.setSoTimeout(300);
            socket.accept().close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
