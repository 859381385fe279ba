package br.com.opera360.app.reminder;

import br.com.opera360.kernel.mail.Mailer;
import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import br.com.opera360.kernel.reminder.ReminderDigestRecorded;
import br.com.opera360.kernel.reminder.ReminderLine;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends each recorded digest, never on a replay. Sent once per digest key ({@link Mailer#sendOnce}); a failure
 * propagates, so the processor retries the event instead of skipping it.
 */
@Component
@ProcessingGroup(ProcessingGroups.REMINDER_MAIL)
class ReminderDigestMail {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final Mailer mailer;

    ReminderDigestMail(Mailer mailer) {
        this.mailer = mailer;
    }

    @Autowired
    void retryOnFailure(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(ProcessingGroups.REMINDER_MAIL, config -> PropagatingErrorHandler.instance());
    }

    @EventHandler
    @DisallowReplay
    void on(ReminderDigestRecorded e) {
        mailer.sendOnce(e.digestId(), mail(e));
    }

    static Mail mail(ReminderDigestRecorded e) {
        return new Mail(e.email(), MailText.REMINDER_DIGEST, Map.of("name", e.userName(),
                "upcoming", lines(e.upcoming()), "hasUpcoming", !e.upcoming().isEmpty(),
                "overdue", lines(e.overdue()), "hasOverdue", !e.overdue().isEmpty()));
    }

    /** A line as the text shows it; an absent digitable line or Pix code leaves its line out. */
    record Line(String invoiceNumber, String dueDate, String amountDue, String digitableLine, String pixCopyPaste) {
    }

    private static List<Line> lines(List<ReminderLine> lines) {
        return lines.stream().map(l -> new Line(l.invoiceNumber(), DATE.format(l.dueDate()), brl(l.amountDue()),
                l.digitableLine(), l.pixCopyPaste())).toList();
    }

    static String brl(BigDecimal amount) {
        return "R$ " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pt-BR"))).format(amount);
    }
}
