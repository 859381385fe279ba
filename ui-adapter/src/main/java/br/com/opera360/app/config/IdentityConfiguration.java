package br.com.opera360.app.config;

import br.com.opera360.Opera360Properties;
import br.com.opera360.app.identity.MongoSessions;
import br.com.opera360.query.common.StoreDurability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    MongoSessions sessions(MongoTemplate mongo, ReactiveMongoTemplate reactiveMongo, StoreDurability durability, Clock clock,
                           Opera360Properties props) {
        return new MongoSessions(mongo, reactiveMongo, durability, clock, props.auth().sessionLifetime());
    }
}
