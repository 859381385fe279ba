package br.com.opera360.app.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Without SMTP, every message becomes an RFC 822 file {@code <instant>-<sequence>-<id>.eml} in the outbox folder, written to a
 * temporary name and moved into place, so a reader never sees half a message.
 */
class OutboxMailer implements MailTransport {
    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path outbox;
    private final String from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    // Orders messages written within one clock tick (a fixed clock in tests, bursts in real life) by writing order.
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    OutboxMailer(Path outbox, String from, Clock clock) {
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        write(mail, UUID.randomUUID().toString());
    }

    /** The key's digest ends the file name: a message already in the outbox under that key is not written again. */
    @Override
    public void sendOnce(String key, OutgoingMail mail) {
        String tag = MailKeys.digest(key);
        try {
            Files.createDirectories(outbox);
            try (var existing = Files.newDirectoryStream(outbox, "*-" + tag + ".eml")) {
                if (existing.iterator().hasNext()) {
                    log.info("E-mail to {} ({}) already in the outbox: not written again", mail.to(), mail.subject());
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the outbox " + outbox, e);
        }
        write(mail, tag);
    }

    private void write(OutgoingMail mail, String tag) {
        try {
            Files.createDirectories(outbox);
            var message = new MimeMessage(session);
            MimeMessages.fill(message, mail, from, clock);
            message.saveChanges();
            String name = NAME_TIME.format(clock.instant()) + "-" + sequence.incrementAndGet() + "-" + tag + ".eml";
            Path tmp = outbox.resolve("." + name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            Files.move(tmp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            log.info("E-mail to {} ({}) written to {}", mail.to(), mail.subject(), outbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the e-mail to the outbox " + outbox, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build the e-mail to " + mail.to(), e);
        }
    }
}
