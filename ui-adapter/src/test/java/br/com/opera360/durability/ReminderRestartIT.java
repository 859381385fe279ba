package br.com.opera360.durability;

import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.Outbox;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A due-date reminder survives crashes: the real jar schedules it (invoice registration) and is SIGKILLed before it
 * fires; the restarted jar sends the digest; it is SIGKILLed again just after, and the third run (which rebuilds every
 * read model from the events, and is made to sweep the day again) sends nothing more. Exactly one digest in the outbox.
 * Run: {@code ./mvnw -B -pl ui-adapter -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReminderRestartIT}
 */
class ReminderRestartIT {
    static final String API_KEY = "reminder-restart-key-0123456789";
    static final String DIGEST = "Opera360 Conectividade: faturas";
    private final Path work = Path.of("target", "reminderrestart", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();

    @AfterEach
    void killLeftovers() {
        AppProcess.killAll();
    }

    @Test
    void a_reminder_scheduled_before_a_crash_goes_out_after_the_restart_once_and_only_once() {
        Path jar = AppProcess.neutralCopy(AppProcess.builtJar(), work);
        Path data = work.resolve("data");
        int mongoPort = AppProcess.freePort();
        String port = String.valueOf(mongoPort);
        var quiet = Map.of("OPERA360_EMBEDDED_MONGO_PORT", port, "OPERA360_REMINDERS_SWEEP_INTERVAL", "PT0S");
        var sweeping = Map.of("OPERA360_EMBEDDED_MONGO_PORT", port, "OPERA360_REMINDERS_SWEEP_INTERVAL", "PT1S",
                "OPERA360_REMINDERS_SEND_AT", "00:00");

        var first = AppProcess.start(jar, data, API_KEY, work.resolve("1-schedule.log"), quiet);
        var portal = new JarPortal(first.baseUrl(), API_KEY, data.resolve("outbox"));
        first.awaitHealthy(portal.http(), Duration.ofMinutes(5));
        var account = portal.registerAccount(ApiTest.newCnpj());
        LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
        portal.ingestInvoice(account.accountId(), "LEMBRETE-1", today.minusDays(15), today.plusDays(5), "100.00");
        portal.ingestInvoice(account.accountId(), "LEMBRETE-2", today.minusDays(14), today.plusDays(5), "2255.69");
        awaitScheduled(mongoPort, account.accountId(), 2);
        first.kill9();
        assertThat(first.awaitExit(Duration.ofSeconds(30))).isEqualTo(AppProcess.EXIT_BY_SIGKILL);

        var outbox = new Outbox(data.resolve("outbox"));
        var second = AppProcess.start(jar, data, API_KEY, work.resolve("2-fire.log"), sweeping);
        second.awaitHealthy(portal.http(), Duration.ofMinutes(5));
        var digests = awaitDigests(outbox, account.adminEmail(), Duration.ofSeconds(90));
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).text()).contains("Faturas a vencer:", "- Fatura LEMBRETE-1", "- Fatura LEMBRETE-2", "R$ 2.255,69");
        second.kill9();
        second.awaitExit(Duration.ofSeconds(30));

        var third = AppProcess.start(jar, data, API_KEY, work.resolve("3-again.log"), sweeping);
        third.awaitHealthy(portal.http(), Duration.ofMinutes(5));
        // as if the previous run had died before marking the day: this run sweeps it again
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            client.getDatabase("opera360").getCollection("reminder_sweeps").deleteMany(new Document());
        }
        AppProcess.sleep(8_000);
        assertThat(digestsTo(outbox, account.adminEmail())).hasSize(1);
        third.stop();
    }

    private static void awaitScheduled(int mongoPort, String accountId, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var schedule = client.getDatabase("opera360").getCollection("reminder_schedule");
            while (schedule.countDocuments(new Document("accountId", accountId)) < count) {
                if (Instant.now().isAfter(deadline)) throw new AssertionError("the reminder schedule was never written");
                AppProcess.sleep(100);
            }
        }
    }

    private static List<Outbox.Mail> digestsTo(Outbox outbox, String email) {
        return outbox.to(email).stream().filter(m -> m.subject().startsWith(DIGEST)).toList();
    }

    private static List<Outbox.Mail> awaitDigests(Outbox outbox, String email, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (digestsTo(outbox, email).isEmpty() && Instant.now().isBefore(deadline)) AppProcess.sleep(200);
        AppProcess.sleep(3_000); // several more sweeps: no second digest may follow
        return digestsTo(outbox, email);
    }

}
