package br.com.opera360.app.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

class SmtpMailer implements MailTransport {
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
    private final JavaMailSender sender;
    private final String from;
    private final Clock clock;
    private final MailKeys keys;

    SmtpMailer(JavaMailSender sender, String from, Clock clock, MailKeys keys) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
        this.keys = keys;
    }

    @Override
    public void send(OutgoingMail mail) {
        sender.send(message -> MimeMessages.fill(message, mail, from, clock));
        log.info("E-mail to {} ({}) sent by SMTP", mail.to(), mail.subject());
    }

    /** The key is recorded before the message leaves: a crash after that loses the message, a retry never repeats it. */
    @Override
    public void sendOnce(String key, OutgoingMail mail) {
        if (!keys.claim(key)) {
            log.info("E-mail to {} ({}) was already handed to SMTP: not sent again", mail.to(), mail.subject());
            return;
        }
        send(mail);
    }
}
