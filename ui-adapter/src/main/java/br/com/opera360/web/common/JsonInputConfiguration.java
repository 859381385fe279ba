package br.com.opera360.web.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Unknown JSON fields are ignored, except those starting with {@code $}: they look like MongoDB operators and are
 * refused (400 naming the field) wherever they appear in a request body, so none can ever reach a query.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer rejectOperatorKeys() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                                 Object beanOrClass, String propertyName) throws IOException {
                if (propertyName != null && propertyName.startsWith("$")) {
                    var refused = JsonMappingException.from(p, "operator key");
                    refused.prependPath(beanOrClass, propertyName);
                    throw refused;
                }
                return false;
            }
        }));
    }
}
