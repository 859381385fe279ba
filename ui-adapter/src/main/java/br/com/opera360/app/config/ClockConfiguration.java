package br.com.opera360.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    /** The contract's "today" is the date in São Paulo; every time-dependent rule takes this clock. */
    public static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Bean
    Clock clock() {
        return Clock.system(SAO_PAULO);
    }
}
