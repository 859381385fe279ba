package br.com.opera360.kernel.reminder;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One invoice in a digest; the digitable line and the Pix code only for recipients who may see boletos (else null). */
public record ReminderLine(String invoiceNumber, LocalDate dueDate, BigDecimal amountDue, String digitableLine,
                           String pixCopyPaste) {
}
