package br.com.opera360.app.config;

import br.com.opera360.app.identity.StoreDurability;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Production: Axon Server carries events, commands and queries; a real MongoDB holds read models, tokens and the
 * identity store (see application-production.yml). Several instances may run against them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionModeConfiguration {
    static final String DEV_KEY = "dev-ingest-key";

    /** Refuses to start without a real ingestion key: the development default would open ingestion to anyone. */
    @Bean
    InitializingBean ingestKeyRequired(Opera360Properties props) {
        return () -> {
            String key = props.ingest() == null ? null : props.ingest().apiKey();
            if (key == null || key.isBlank() || key.equals(DEV_KEY) || key.length() < 16) {
                throw new IllegalStateException("The production profile needs opera360.ingest.api-key "
                        + "(env OPERA360_INGEST_API_KEY): a secret of at least 16 characters, not the development key.");
            }
        };
    }

    /** MongoDB acknowledges journaled, majority writes (see the URI's w=majority&journal=true): nothing more to do. */
    @Bean
    StoreDurability mongoStoreDurability() {
        return () -> { };
    }
}
