package br.com.opera360.app.reminder;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.reminder.FindReminderRecipients;
import br.com.opera360.kernel.reminder.FindScheduledReminders;
import br.com.opera360.kernel.reminder.ReminderRecipient;
import br.com.opera360.kernel.reminder.ScheduledReminder;
import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.Outbox;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static br.com.opera360.testing.IngestBodies.NDJSON;
import static br.com.opera360.testing.IngestBodies.installment;
import static br.com.opera360.testing.IngestBodies.invoice;
import static br.com.opera360.testing.IngestBodies.line;
import static br.com.opera360.testing.IngestBodies.negotiation;
import static br.com.opera360.testing.IngestBodies.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due-date reminders through the real application: settings by the portal, the schedule written by ingestion, digests
 * recorded by {@link ReminderProcess#sweep()} (the background sweep is off in API tests, so each test sweeps by hand
 * on days of its own, far from the other tests' due dates) and read back from the outbox as people get them.
 */
class ReminderApiTest extends ApiTest {
    private static final String DIGEST = "Opera360 Conectividade: faturas";

    @Autowired
    ReminderProcess process;
    @Autowired
    QueryGateway queries;
    @Autowired
    CommandGateway commands;
    @Autowired
    ReminderSweeps sweeps;
    @Autowired
    ReminderProperties properties;
    @Autowired
    EventProcessingConfiguration processing;

    private WebTestClient portal(String token) {
        return web.mutate().defaultHeaders(bearer(token)).build();
    }

    /** Noon in São Paulo, {@code days} after the tests' start: a day no other test sweeps. */
    private LocalDate moveTo(int days) {
        clock.setInstant(START.plus(Duration.ofDays(days)));
        return LocalDate.now(clock);
    }

    private void registerInvoice(String accountId, String number, LocalDate dueDate, String amount) {
        ingest("/api/ingest/invoices", invoice(accountId, number, dueDate, amount)).expectStatus().isCreated();
    }

    /** {@code count} invoices in one NDJSON batch (much faster than one request each). */
    private void registerInvoices(String accountId, String prefix, int count, LocalDate dueDate, String amount) {
        var lines = new StringBuilder();
        for (int i = 1; i <= count; i++) lines.append(line("invoice", invoice(accountId, prefix + i, dueDate, amount))).append('\n');
        web.post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY).contentType(NDJSON)
           .bodyValue(lines.toString()).exchange().expectStatus().isOk()
           .expectBody().jsonPath("$.accepted").isEqualTo(count);
    }

    private void pay(String accountId, String number, String amount, LocalDate paidOn) {
        ingest("/api/ingest/payments", payment(accountId, number, amount, paidOn)).expectStatus().isCreated();
    }

    /** The schedule is written by a projection: wait until it shows what the test just ingested. */
    private void awaitSchedule(String accountId, LocalDate today, Predicate<List<ScheduledReminder>> ready) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            var mine = queries.query(new FindScheduledReminders(today.minusDays(1), today.plusDays(30)),
                            ResponseTypes.multipleInstancesOf(ScheduledReminder.class)).join()
                    .stream().filter(r -> r.accountId().equals(accountId)).toList();
            if (ready.test(mine)) return;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("schedule never got ready: " + mine);
            sleep(50);
        }
    }

    /**
     * The recipients come from the users' projection, which runs on its own processor: a sweep made before it saw the
     * account's administrator has nobody to write to (and marks the day done), so tests that sweep without logging in
     * first wait for it.
     */
    private void awaitRecipients(String accountId) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (queries.query(new FindReminderRecipients(new AccountId(accountId)),
                ResponseTypes.multipleInstancesOf(ReminderRecipient.class)).join().isEmpty()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the account's administrator never became a recipient");
            sleep(50);
        }
    }

    private List<Outbox.Mail> digestsTo(String email) {
        return outbox().to(email).stream().filter(m -> m.subject().startsWith(DIGEST)).toList();
    }

    /** Digests go out on their own processor: wait until {@code count} arrived, then a little more to see no extra one. */
    private List<Outbox.Mail> awaitDigests(String email, int count) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (digestsTo(email).size() < count && Instant.now().isBefore(deadline)) sleep(50);
        sleep(300);
        return digestsTo(email);
    }

    @Test
    void settings_default_to_5_and_1_days_before_and_the_first_day_overdue_and_change_with_profiles_manage() {
        var account = newAccount();
        var admin = portal(loginAsAdmin(account));
        admin.get().uri("/api/account/reminders").exchange().expectStatus().isOk().expectBody()
             .jsonPath("$.enabled").isEqualTo(true).jsonPath("$.daysBefore").isEqualTo(List.of(5, 1))
             .jsonPath("$.onOverdue").isEqualTo(true);
        admin.put().uri("/api/account/reminders").contentType(MediaType.APPLICATION_JSON)
             .bodyValue(Map.of("enabled", true, "daysBefore", List.of(3, 10, 7), "onOverdue", false)).exchange()
             .expectStatus().isOk().expectBody()
             .jsonPath("$.daysBefore").isEqualTo(List.of(10, 7, 3)).jsonPath("$.onOverdue").isEqualTo(false);
        admin.get().uri("/api/account/reminders").exchange().expectBody()
             .jsonPath("$.daysBefore").isEqualTo(List.of(10, 7, 3)).jsonPath("$.enabled").isEqualTo(true);
        admin.get().uri("/api/audit/events?aggregateType=AccountReminders").exchange().expectStatus().isOk().expectBody()
             .jsonPath("$.items[0].eventType").isEqualTo("ReminderSettingsChanged");

        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
           .jsonPath("$.paths['/api/account/reminders'].get").exists()
           .jsonPath("$.paths['/api/account/reminders'].put").exists();

        // another account still has the defaults
        portal(loginAsAdmin(newAccount())).get().uri("/api/account/reminders").exchange().expectBody()
             .jsonPath("$.daysBefore").isEqualTo(List.of(5, 1));
    }

    @Test
    void bad_settings_are_400_problems_naming_each_field_and_other_profiles_get_403() {
        var account = newAccount();
        var admin = portal(loginAsAdmin(account));
        Object[][] bad = {
                {Map.of("enabled", true, "daysBefore", List.of(5, 1, 2, 3), "onOverdue", true), "daysBefore"},
                {Map.of("enabled", true, "daysBefore", List.of(5, 5), "onOverdue", true), "daysBefore"},
                {Map.of("enabled", true, "daysBefore", List.of(0), "onOverdue", true), "daysBefore"},
                {Map.of("enabled", true, "daysBefore", List.of(31), "onOverdue", true), "daysBefore"},
                {Map.of("enabled", true, "daysBefore", List.of(1.5), "onOverdue", true), "daysBefore[0]"},
                {Map.of("enabled", true, "daysBefore", List.of("5"), "onOverdue", true), "daysBefore[0]"},
                {Map.of("enabled", true, "daysBefore", 5, "onOverdue", true), "daysBefore"},
                {Map.of("daysBefore", List.of(5), "onOverdue", true), "enabled"},
                {Map.of("enabled", true, "onOverdue", true), "daysBefore"},
                {Map.of("enabled", true, "daysBefore", List.of(5)), "onOverdue"}};
        for (Object[] b : bad) {
            admin.put().uri("/api/account/reminders").contentType(MediaType.APPLICATION_JSON).bodyValue(b[0]).exchange()
                 .expectStatus().isBadRequest()
                 .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                 .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).contains((String) b[1]))
                 .jsonPath("$.detail").value(d -> assertThat((String) d).isNotBlank());
        }
        admin.put().uri("/api/account/reminders").contentType(MediaType.APPLICATION_JSON)
             .bodyValue(Map.of("enabled", false, "daysBefore", List.of(), "onOverdue", false)).exchange().expectStatus().isOk();

        var viewer = portal(loginWith(account, "INVOICES_VIEW", "USERS_MANAGE"));
        viewer.get().uri("/api/account/reminders").exchange().expectStatus().isForbidden()
              .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        viewer.put().uri("/api/account/reminders").contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("enabled", true, "daysBefore", List.of(5), "onOverdue", true)).exchange().expectStatus().isForbidden();
        web.get().uri("/api/account/reminders").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_thousand_invoices_due_the_same_day_make_one_digest_per_user_with_payment_codes_only_for_boleto_holders() {
        var account = newAccount();
        String acc = account.accountId();
        LocalDate today = moveTo(400); // before logging in: sessions last hours, not days
        String adminToken = loginAsAdmin(account);
        String viewerProfile = createProfile(adminToken, "Só faturas", "INVOICES_VIEW");
        String servicesProfile = createProfile(adminToken, "Só serviços", "SERVICES_VIEW");
        String viewer = createUser(adminToken, viewerProfile, "Vera Visualiza");
        String technician = createUser(adminToken, servicesProfile, "Téo Técnico");
        var stranger = newAccount();

        registerInvoices(acc, "D5-", 1000, today.plusDays(5), "100.00");
        registerInvoice(acc, "D1-1", today.plusDays(1), "2255.69");
        registerInvoice(acc, "LATE-1", today.minusDays(1), "50.00");
        registerInvoice(acc, "D3-1", today.plusDays(3), "70.00");    // not a reminder day
        registerInvoice(acc, "LATE-2", today.minusDays(2), "60.00"); // overdue since yesterday: no longer the first day
        registerInvoice(stranger.accountId(), "THEIRS-1", today.plusDays(5), "999.00");
        awaitSchedule(acc, today, s -> s.size() == 1003); // LATE-2 is before the window
        awaitSchedule(stranger.accountId(), today, s -> s.size() == 1);

        assertThat(process.sweep()).isGreaterThanOrEqualTo(3);
        assertThat(process.sweep()).isZero(); // the day is done

        var viewerMails = awaitDigests(viewer, 1);
        assertThat(viewerMails).hasSize(1);
        String text = viewerMails.get(0).text();
        assertThat(viewerMails.get(0).subject()).isEqualTo("Opera360 Conectividade: faturas a vencer e vencidas");
        assertThat(text).contains("Olá, Vera Visualiza.", "Faturas a vencer:", "Faturas vencidas:",
                "- Fatura D5-1 | vencimento " + br(today.plusDays(5)) + " | R$ 100,00",
                "- Fatura D1-1 | vencimento " + br(today.plusDays(1)) + " | R$ 2.255,69",
                "- Fatura LATE-1 | vencimento " + br(today.minusDays(1)) + " | R$ 50,00")
                .doesNotContain("D3-1", "LATE-2", "THEIRS-1", "Linha digitável", "Pix Copia e Cola");
        assertThat(text.split("- Fatura D5-", -1)).hasSize(1001); // a thousand invoices due the same day: one e-mail
        assertThat(text.indexOf("Faturas vencidas:")).isGreaterThan(text.indexOf("D1-1"));

        var adminMails = awaitDigests(account.adminEmail(), 1);
        assertThat(adminMails).hasSize(1);
        assertThat(adminMails.get(0).text()).contains("Linha digitável: 00190", "Pix Copia e Cola: 000201")
                .contains("- Fatura LATE-1");
        assertThat(digestsTo(technician)).isEmpty();

        // the digest is a recorded fact the auditor sees
        portal(adminToken).get().uri("/api/audit/events?aggregateType=ReminderDigest").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(2)
                .jsonPath("$.items[*].eventType").isEqualTo(List.of("ReminderDigestRecorded", "ReminderDigestRecorded"))
                .jsonPath("$.items[0].metadata.source").isEqualTo("system");

        // four days later the 5-day invoices are 1 day away: a new digest of a new day
        moveTo(404);
        process.sweep();
        var next = awaitDigests(viewer, 2);
        assertThat(next).hasSize(2);
        assertThat(next.get(1).text()).contains("- Fatura D5-12 | vencimento " + br(today.plusDays(5))).doesNotContain("D1-1", "LATE-1");
    }

    @Test
    void paid_or_negotiated_before_the_reminder_day_sends_nothing_and_disabled_settings_send_nothing() {
        var account = newAccount();
        String acc = account.accountId();
        LocalDate today = moveTo(500);
        String adminToken = loginAsAdmin(account);
        registerInvoice(acc, "PAID-1", today.plusDays(5), "100.00");
        registerInvoice(acc, "PART-1", today.plusDays(1), "100.00");
        registerInvoice(acc, "NEG-1", today.minusDays(1), "300.00");
        pay(acc, "PAID-1", "100.00", today);
        pay(acc, "PART-1", "40.00", today);
        ingest("/api/ingest/negotiations", negotiation(acc, "N-1", List.of("NEG-1"), today,
                List.of(installment(1, today.plusDays(30), "310.00")))).expectStatus().isCreated();
        awaitSchedule(acc, today, s -> s.size() == 1 && s.get(0).amountDue().compareTo(new BigDecimal("60.00")) == 0);

        process.sweep();
        var mails = awaitDigests(account.adminEmail(), 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).text()).contains("- Fatura PART-1", "R$ 60,00").doesNotContain("PAID-1", "NEG-1");

        // disabled: nothing the next day, although PART-1 is then overdue
        portal(adminToken).put().uri("/api/account/reminders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", false, "daysBefore", List.of(5, 1), "onOverdue", true)).exchange().expectStatus().isOk();
        moveTo(502);
        process.sweep();
        assertThat(awaitDigests(account.adminEmail(), 2)).hasSize(1);
    }

    @Test
    void a_restart_between_scheduling_and_firing_and_a_crash_before_the_day_is_marked_still_give_one_digest() {
        var account = newAccount();
        String acc = account.accountId();
        LocalDate today = moveTo(600);
        registerInvoice(acc, "R-1", today.plusDays(5), "100.00");
        awaitSchedule(acc, today, s -> s.size() == 1);
        awaitRecipients(acc);

        // the process that saw the registration stops; another one (a restarted or a second instance) starts with
        // nothing but what is persisted
        process.stop();
        var restarted = new ReminderProcess(commands, queries, sweeps, clock, properties);
        restarted.start();
        try {
            assertThat(restarted.sweep()).isGreaterThanOrEqualTo(1);
            // a crash after the digests were recorded but before the day was marked: the day is swept again
            sweeps.markDone(today.minusDays(1));
            restarted.sweep();
            process.sweep();
        } finally {
            restarted.stop();
            process.start();
        }
        assertThat(awaitDigests(account.adminEmail(), 1)).hasSize(1);
    }

    @Test
    void replaying_every_projection_sends_no_email_and_the_mail_processor_cannot_be_replayed() {
        var account = newAccount();
        String acc = account.accountId();
        LocalDate today = moveTo(700);
        registerInvoice(acc, "P-1", today.plusDays(1), "100.00");
        awaitSchedule(acc, today, s -> s.size() == 1);
        awaitRecipients(acc);
        process.sweep();
        assertThat(awaitDigests(account.adminEmail(), 1)).hasSize(1);
        int before = outbox().to(account.adminEmail()).size();

        for (String name : List.of("reminder", "invoice", "audit")) {
            web.post().uri("/api/ops/projections/{name}/replay", name).header("X-Api-Key", API_KEY).exchange().expectStatus().isAccepted();
        }
        web.post().uri("/api/ops/projections/reminder-mail/replay").header("X-Api-Key", API_KEY).exchange().expectStatus().isEqualTo(409);
        var mailProcessor = processing.eventProcessor(ProcessingGroups.REMINDER_MAIL, StreamingEventProcessor.class).orElseThrow();
        assertThat(mailProcessor.supportsReset()).isFalse(); // every handler is @DisallowReplay: no token reset can resend
        awaitReplayed("reminder");
        awaitSchedule(acc, today, s -> s.size() == 1);
        sweeps.markDone(today.minusDays(1));
        process.sweep();
        sleep(1000);
        assertThat(outbox().to(account.adminEmail())).hasSize(before);
    }

    private void awaitReplayed(String name) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var list = web.get().uri("/api/ops/projections").header("X-Api-Key", API_KEY).exchange().expectStatus().isOk()
                          .expectBody(List.class).returnResult().getResponseBody();
            boolean replaying = list.stream().anyMatch(p -> name.equals(((Map<?, ?>) p).get("name")) && Boolean.TRUE.equals(((Map<?, ?>) p).get("replaying")));
            if (!replaying) return;
            sleep(100);
        }
        throw new AssertionError(name + " still replaying");
    }

    private static String br(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
