package br.com.opera360.kernel.mail;

/**
 * The e-mail port: the application renders the {@link MailText} and sends it by SMTP when {@code spring.mail.host} is
 * set, as an {@code .eml} file in the outbox otherwise.
 */
public interface Mailer {
    void send(Mail mail);

    /**
     * Sends the message at most once per {@code key}, however often it is called with that key. The outbox writes it
     * exactly once (its file is named by the key and written atomically); SMTP records the key durably before it
     * sends, so a crash mid-send may lose the message but never sends it twice.
     */
    void sendOnce(String key, Mail mail);
}
