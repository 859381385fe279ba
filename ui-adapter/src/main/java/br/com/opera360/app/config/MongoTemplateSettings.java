package br.com.opera360.app.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Spring Data publishes two application events for every document it reads (after load, after convert) and more for
 * every write. Nothing in the product listens to them, and on a large read (a map of hundreds of circles, an export
 * of a million rows) they cost more than the conversion itself, so both templates skip them. Entity callbacks are
 * a separate mechanism and stay on.
 */
@Configuration(proxyBeanMethods = false)
class MongoTemplateSettings {

    @Bean
    static BeanPostProcessor mongoTemplatesWithoutLifecycleEvents() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoTemplate template) template.setEntityLifecycleEventsEnabled(false);
                if (bean instanceof ReactiveMongoTemplate template) template.setEntityLifecycleEventsEnabled(false);
                return bean;
            }
        };
    }
}
