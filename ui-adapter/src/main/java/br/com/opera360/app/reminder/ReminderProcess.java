package br.com.opera360.app.reminder;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.GetBoleto;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.reminder.FindReminderRecipients;
import br.com.opera360.kernel.reminder.FindScheduledReminders;
import br.com.opera360.kernel.reminder.GetReminderSettings;
import br.com.opera360.kernel.reminder.RecordReminderDigest;
import br.com.opera360.kernel.reminder.ReminderLine;
import br.com.opera360.kernel.reminder.ReminderRecipient;
import br.com.opera360.kernel.reminder.ReminderSettings;
import br.com.opera360.kernel.reminder.ScheduledReminder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process manager of due-date reminders. The schedule is persisted in the read store (the {@code reminder}
 * projection writes an entry at an invoice's registration and cancels it when the invoice is paid or negotiated);
 * this process sweeps it by the injected Clock, so it holds no timer state of its own and survives restarts in both
 * runtime modes. Once a day, from {@code send-at}, it groups each account's due entries by the account's settings and
 * records one digest per recipient (key: account, user, day, kind) as a command; the digest aggregate records it only
 * once, and {@link ReminderDigestMail} sends what was recorded. It reads read models and sends commands only: nothing
 * here runs on a replay.
 */
@Component
public class ReminderProcess implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReminderProcess.class);
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReminderSweeps sweeps;
    private final Clock clock;
    private final ReminderProperties properties;
    private volatile ScheduledExecutorService timer;

    ReminderProcess(CommandGateway commands, QueryGateway queries, ReminderSweeps sweeps, Clock clock, ReminderProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.sweeps = sweeps;
        this.clock = clock;
        this.properties = properties;
    }

    /** Records today's digests unless today was swept already or it is before {@code send-at}; answers how many it recorded. */
    public synchronized int sweep() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        if (now.toLocalTime().isBefore(properties.sendAt()) || sweeps.done(today)) return 0;
        List<ScheduledReminder> due = queries.query(new FindScheduledReminders(today.minusDays(1), today.plusDays(ReminderSettings.MAX_DAYS_BEFORE)),
                ResponseTypes.multipleInstancesOf(ScheduledReminder.class)).join();
        Map<String, List<ScheduledReminder>> byAccount = new LinkedHashMap<>();
        due.forEach(r -> byAccount.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
        int recorded = 0;
        for (var account : byAccount.entrySet()) {
            recorded += digestsOf(new AccountId(account.getKey()), account.getValue(), today);
        }
        sweeps.markDone(today); // after every digest is recorded: a crash before this sweeps the day again, harmlessly
        log.info("Reminder sweep of {}: {} digests recorded for {} accounts", today, recorded, byAccount.size());
        return recorded;
    }

    private int digestsOf(AccountId account, List<ScheduledReminder> entries, LocalDate today) {
        var settings = queries.query(new GetReminderSettings(account), ReminderSettings.class).join();
        if (!settings.enabled()) return 0;
        List<ScheduledReminder> upcoming = entries.stream()
                .filter(e -> settings.daysBefore().contains((int) ChronoUnit.DAYS.between(today, e.dueDate()))).toList();
        List<ScheduledReminder> overdue = settings.onOverdue()
                ? entries.stream().filter(e -> e.dueDate().equals(today.minusDays(1))).toList() : List.of();
        if (upcoming.isEmpty() && overdue.isEmpty()) return 0;
        List<ReminderRecipient> recipients = queries.query(new FindReminderRecipients(account),
                ResponseTypes.multipleInstancesOf(ReminderRecipient.class)).join();
        Map<String, BoletoDetails> boletos = new LinkedHashMap<>();
        int recorded = 0;
        for (var recipient : recipients) {
            try {
                var cmd = new RecordReminderDigest(RecordReminderDigest.digestId(account, recipient.userId(), today, RecordReminderDigest.DUE_DATES),
                        account, recipient.userId(), recipient.email(), recipient.name(), today, RecordReminderDigest.DUE_DATES,
                        lines(account, upcoming, recipient, boletos), lines(account, overdue, recipient, boletos));
                if (Boolean.TRUE.equals(commands.sendAndWait(cmd))) recorded++;
            } catch (RuntimeException e) {
                // one recipient's failure never keeps the others' digests back; the day is swept again on the next start
                log.warn("Reminder digest of {} for user {} not recorded: {}", today, recipient.userId(), e.toString());
            }
        }
        return recorded;
    }

    /** The digitable line and the Pix code only for recipients whose profile also holds INVOICES_BOLETO. */
    private List<ReminderLine> lines(AccountId account, List<ScheduledReminder> entries, ReminderRecipient recipient,
                                     Map<String, BoletoDetails> boletos) {
        return entries.stream().map(e -> {
            if (!recipient.paymentCodes()) return new ReminderLine(e.invoiceNumber(), e.dueDate(), e.amountDue(), null, null);
            var boleto = boletos.computeIfAbsent(e.invoiceNumber(), n -> queries.query(
                    new GetBoleto(account, InvoiceId.of(account, n)), BoletoDetails.class).join());
            return new ReminderLine(e.invoiceNumber(), e.dueDate(), e.amountDue(), boleto == null ? null : boleto.digitableLine(),
                    boleto == null || boleto.pix() == null ? null : boleto.pix().brCode());
        }).toList();
    }

    @Override
    public void start() {
        if (properties.sweepInterval().isZero() || properties.sweepInterval().isNegative()) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "reminder-sweep"));
        long every = properties.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Reminder sweep failed, tried again in {}: {}", properties.sweepInterval(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        var t = timer;
        if (t != null) t.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
