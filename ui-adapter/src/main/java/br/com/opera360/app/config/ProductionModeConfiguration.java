package br.com.opera360.app.config;

import br.com.opera360.query.common.StoreDurability;
import br.com.opera360.web.common.SingleIngestions;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Production: Axon Server carries events, commands and queries; a real MongoDB holds read models, tokens and the
 * identity store (see application-production.yml). Several instances may run against them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionModeConfiguration {
    static final String DEV_KEY = "dev-ingest-key";

    /**
     * Refuses to start without a real ingestion key: the development default would open ingestion to anyone. A bean
     * factory post-processor runs before any bean is created, so the operator gets this message at once instead of
     * after the MongoDB and Axon Server connection attempts (the token store's index creation blocks on MongoDB).
     */
    @Bean
    static BeanFactoryPostProcessor ingestKeyRequired(Environment environment) {
        return beanFactory -> requireIngestKey(Binder.get(environment).bind("opera360.ingest.api-key", String.class).orElse(null));
    }

    static void requireIngestKey(String key) {
        if (key == null || key.isBlank() || key.equals(DEV_KEY) || key.length() < 16) {
            throw new IllegalStateException("The production profile needs opera360.ingest.api-key "
                    + "(env OPERA360_INGEST_API_KEY): a secret of at least 16 characters, not the development key.");
        }
    }

    /** MongoDB acknowledges journaled, majority writes (see the URI's w=majority&journal=true): nothing more to do. */
    @Bean
    StoreDurability mongoStoreDurability() {
        return () -> { };
    }

    /**
     * Each single-item ingestion request is its own unit of work: Axon Server's bus routes it to the instance that
     * owns its aggregate, and Axon Server batches the appends itself.
     */
    @Bean
    SingleIngestions singleIngestions() {
        return SingleIngestions.eachOnItsOwn();
    }
}
