package br.com.opera360.kernel.mail;

import java.util.Map;
import java.util.Objects;

/**
 * A message to one person: which text, filled with which values. The values may hold a secret (token, temporary
 * password): they never enter an event, and {@link #toString()} leaves them out so a log line cannot show them.
 */
public record Mail(String to, MailText text, Map<String, Object> values) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "Mail[to=" + to + ", text=" + text + "]";
    }
}
