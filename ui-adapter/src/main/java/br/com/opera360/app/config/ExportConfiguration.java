package br.com.opera360.app.config;

import br.com.opera360.Opera360Properties;
import br.com.opera360.query.export.ExportSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    @Bean
    ExportSettings exportSettings(Opera360Properties props) {
        var exports = props.exports();
        return new ExportSettings(exports.retention(), exports.workers(), exports.sweepInterval());
    }
}
