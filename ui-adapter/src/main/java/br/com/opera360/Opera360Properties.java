package br.com.opera360;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

@ConfigurationProperties("opera360")
public record Opera360Properties(@DefaultValue("./data") Path dataDir,
                                 @DefaultValue("false") boolean demoData,
                                 @DefaultValue Ingest ingest,
                                 @DefaultValue Mail mail,
                                 @DefaultValue Exports exports,
                                 @DefaultValue Auth auth) {

    public record Ingest(String apiKey) {
    }

    public record Mail(Path outboxDir, @DefaultValue("m2m-no-reply@m2m.com.br") String from) {
    }

    /**
     * {@code retention}: how long a ready file stays downloadable (ISO-8601, {@code P3D} or {@code PT2M});
     * {@code workers}: exports produced at once (more wait in a queue); {@code sweepInterval}: how often due
     * deletions and orphaned exports are looked for.
     */
    public record Exports(@DefaultValue("P3D") Duration retention, @DefaultValue("2") int workers,
                          @DefaultValue("PT30S") Duration sweepInterval) {
    }

    public record Auth(@DefaultValue("8h") Duration sessionLifetime) {
    }

    public Path outboxDir() {
        return mail.outboxDir() != null ? mail.outboxDir() : dataDir.resolve("outbox");
    }
}
