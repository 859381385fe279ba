package br.com.opera360.app.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A keyed message goes out once per key: exactly once into the outbox, at most once by SMTP. */
class MailOnceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T15:00:00Z"), ZoneId.of("America/Sao_Paulo"));
    private static final OutgoingMail DIGEST = new OutgoingMail("ana@acme.com.br", "Opera360 Conectividade: faturas a vencer",
            "Olá, Ana.\n\nFaturas a vencer:\n- Fatura 1 | vencimento 15/03/2026 | R$ 100,00\n");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path dir;

    @Test
    void the_outbox_writes_a_keyed_message_once_however_often_it_is_sent() throws Exception {
        var outbox = dir.resolve("outbox");
        new OutboxMailer(outbox, "m2m-no-reply@m2m.com.br", CLOCK).sendOnce("acc:digest:u1:2026-03-10:due-dates", DIGEST);
        // a redelivery after a crash, by a new mailer (a restarted process)
        var restarted = new OutboxMailer(outbox, "m2m-no-reply@m2m.com.br", CLOCK);
        restarted.sendOnce("acc:digest:u1:2026-03-10:due-dates", DIGEST);
        restarted.sendOnce("acc:digest:u1:2026-03-11:due-dates", DIGEST);
        restarted.send(DIGEST);
        restarted.send(DIGEST);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(4);
        }
    }

    @Test
    void smtp_records_the_key_before_sending_and_never_sends_it_twice() throws Exception {
        var server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        try (var client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            var keys = new MailKeys(new MongoTemplate(client, "test"));
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            new SmtpMailer(sender, "m2m-no-reply@m2m.com.br", CLOCK, keys).sendOnce("k1", DIGEST);
            new SmtpMailer(sender, "m2m-no-reply@m2m.com.br", CLOCK, keys).sendOnce("k1", DIGEST);
            assertThat(smtp.getReceivedMessages()).hasSize(1);

            // a crash after the key was recorded and before the message left: lost, not sent later
            assertThat(keys.claim("k2")).isTrue();
            new SmtpMailer(sender, "m2m-no-reply@m2m.com.br", CLOCK, keys).sendOnce("k2", DIGEST);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            server.shutdown();
        }
    }
}
