package br.com.opera360;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// jmustache renders the e-mail texts (app.mail.MailTexts) only: no Mustache web views
@SpringBootApplication(exclude = MustacheAutoConfiguration.class)
@ConfigurationPropertiesScan
public class Opera360Application {
    public static void main(String[] args) {
        // Axon's update checker would try the network at startup; this product never calls home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(Opera360Application.class, args);
    }
}
