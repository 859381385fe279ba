package br.com.opera360.app.mail;

import br.com.opera360.Opera360Properties;
import br.com.opera360.kernel.mail.Mailer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/** One e-mail port: the texts rendered by {@link MailTexts}, sent by SMTP when {@code spring.mail.host} is set, into the outbox folder otherwise. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {
    @Bean
    Mailer mailer(Environment env, ObjectProvider<JavaMailSender> smtp, Opera360Properties props, Clock clock,
                  ObjectProvider<MongoTemplate> mongo) {
        String host = env.getProperty("spring.mail.host");
        if (host != null && !host.isBlank()) {
            return new MailTexts(new SmtpMailer(smtp.getObject(), props.mail().from(), clock, new MailKeys(mongo.getObject())));
        }
        return new MailTexts(new OutboxMailer(props.outboxDir(), props.mail().from(), clock));
    }
}
