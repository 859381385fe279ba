package br.com.opera360.kernel.reminder;

/** {@code paymentCodes}: the profile also holds INVOICES_BOLETO, so the digest may show digitable lines and Pix codes. */
public record ReminderRecipient(String userId, String name, String email, boolean paymentCodes) {
}
