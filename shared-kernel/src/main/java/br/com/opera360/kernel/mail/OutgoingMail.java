package br.com.opera360.kernel.mail;

import java.util.Objects;

/** A plain-text message to one person. The body may carry a secret (token, temporary password): never log it. */
public record OutgoingMail(String to, String subject, String textBody) {
    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=" + to + ", subject=" + subject + "]";
    }
}
