package br.com.opera360.app.mail;

/** Where a rendered message goes: SMTP or the outbox folder. The {@link br.com.opera360.kernel.mail.Mailer} contract holds for both. */
interface MailTransport {
    void send(OutgoingMail mail);

    void sendOnce(String key, OutgoingMail mail);
}
