package br.com.opera360.app.reminder;

import br.com.opera360.kernel.mail.Mailer;
import br.com.opera360.kernel.mail.OutgoingMail;
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

    static OutgoingMail mail(ReminderDigestRecorded e) {
        var text = new StringBuilder("Olá, ").append(e.userName()).append(".\n");
        section(text, "Faturas a vencer", e.upcoming());
        section(text, "Faturas vencidas", e.overdue());
        text.append("\nVeja os detalhes e a 2ª via no portal Opera360 Conectividade.\n")
            .append("Para mudar quando estes lembretes chegam, o administrador da conta ajusta Lembretes de vencimento.\n");
        String subject = e.upcoming().isEmpty() ? "Opera360 Conectividade: faturas vencidas"
                : e.overdue().isEmpty() ? "Opera360 Conectividade: faturas a vencer" : "Opera360 Conectividade: faturas a vencer e vencidas";
        return new OutgoingMail(e.email(), subject, text.toString());
    }

    private static void section(StringBuilder text, String title, List<ReminderLine> lines) {
        if (lines.isEmpty()) return;
        text.append('\n').append(title).append(":\n");
        for (var line : lines) {
            text.append("- Fatura ").append(line.invoiceNumber()).append(" | vencimento ").append(DATE.format(line.dueDate()))
                .append(" | ").append(brl(line.amountDue())).append('\n');
            if (line.digitableLine() != null) text.append("  Linha digitável: ").append(line.digitableLine()).append('\n');
            if (line.pixCopyPaste() != null) text.append("  Pix Copia e Cola: ").append(line.pixCopyPaste()).append('\n');
        }
    }

    static String brl(BigDecimal amount) {
        return "R$ " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pt-BR"))).format(amount);
    }
}
