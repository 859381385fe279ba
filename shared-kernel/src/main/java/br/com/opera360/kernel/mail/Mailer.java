package br.com.opera360.kernel.mail;

/** The e-mail port: SMTP when {@code spring.mail.host} is set, {@code .eml} files in the outbox otherwise. */
public interface Mailer {
    void send(OutgoingMail mail);
}
