package br.com.opera360.app.mail;

import br.com.opera360.testing.Outbox;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both adapters of the e-mail port deliver the same plain-text UTF-8 message. */
class MailAdaptersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneId.of("America/Sao_Paulo"));
    private static final OutgoingMail MAIL = new OutgoingMail("ana@acme.com.br", "Opera360: sua senha temporária",
            "Olá, Ana.\n\nSenha temporária: Ab3$efgh-Jk9\n\nAté logo.\n");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path outbox;

    @Test
    void smtp_delivers_a_plain_text_utf8_message_from_the_portal_sender() throws Exception {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        new SmtpMailer(sender, "m2m-no-reply@m2m.com.br", CLOCK, null).send(MAIL);

        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo(MAIL.subject());
        assertThat(received[0].getFrom()[0].toString()).contains("m2m-no-reply@m2m.com.br");
        assertThat(received[0].getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
        assertThat((String) received[0].getContent()).contains("Senha temporária: Ab3$efgh-Jk9");
    }

    @Test
    void the_outbox_holds_one_complete_rfc822_file_per_message_readable_as_plain_text() throws Exception {
        var mailer = new OutboxMailer(outbox.resolve("outbox"), "m2m-no-reply@m2m.com.br", CLOCK);
        mailer.send(MAIL);
        mailer.send(new OutgoingMail("bia@acme.com.br", "Token", "Seu token: 123456"));

        try (Stream<Path> files = Files.list(outbox.resolve("outbox"))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(2).allMatch(n -> n.endsWith(".eml"));
        }
        var mail = new Outbox(outbox.resolve("outbox")).latestTo("ana@acme.com.br");
        assertThat(mail.subject()).isEqualTo(MAIL.subject());
        assertThat(mail.temporaryPassword()).isEqualTo("Ab3$efgh-Jk9");
        // written 8bit: the line is there as a person reads it, not quoted-printable
        assertThat(Files.readString(mail.file(), StandardCharsets.UTF_8)).contains("Senha temporária: Ab3$efgh-Jk9");
        assertThat(new Outbox(outbox.resolve("outbox")).latestTo("bia@acme.com.br").token()).isEqualTo("123456");
    }
}
