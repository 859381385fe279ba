package br.com.opera360.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

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

    public record Exports(@DefaultValue("P3D") Period retention) {
    }

    public record Auth(@DefaultValue("8h") Duration sessionLifetime) {
    }

    public Path outboxDir() {
        return mail.outboxDir() != null ? mail.outboxDir() : dataDir.resolve("outbox");
    }
}
