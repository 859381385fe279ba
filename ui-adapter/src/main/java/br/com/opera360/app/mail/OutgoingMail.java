package br.com.opera360.app.mail;

import java.util.Objects;

/** A rendered plain-text message to one person. The body may carry a secret (token, temporary password): never log it. */
record OutgoingMail(String to, String subject, String textBody) {
    OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=" + to + ", subject=" + subject + "]";
    }
}
