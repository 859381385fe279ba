package br.com.opera360.app.mail;

import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import br.com.opera360.kernel.mail.Mailer;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one mail component: renders each {@link MailText} from its template {@code mail/<name>.mustache} (first line the
 * subject, a blank line, the body) and hands the plain text to the transport. Templates are compiled once, at start,
 * so a broken one stops the application instead of a login; a value a template names but the mail lacks is an error,
 * never an empty gap.
 */
class MailTexts implements Mailer {
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).nullValue("")
            .withLoader(MailTexts::read);
    private final Map<MailText, Template> templates = new EnumMap<>(MailText.class);
    private final MailTransport transport;

    MailTexts(MailTransport transport) {
        this.transport = transport;
        for (MailText text : MailText.values()) templates.put(text, compile(text));
    }

    @Override
    public void send(Mail mail) {
        transport.send(render(mail));
    }

    @Override
    public void sendOnce(String key, Mail mail) {
        transport.sendOnce(key, render(mail));
    }

    OutgoingMail render(Mail mail) {
        String text = templates.get(mail.text()).execute(mail.values());
        int blank = text.indexOf("\n\n");
        if (blank < 0) throw new IllegalStateException("Template " + mail.text() + " has no blank line after its subject");
        return new OutgoingMail(mail.to(), text.substring(0, blank), text.substring(blank + 2));
    }

    private static Template compile(MailText text) {
        try (Reader reader = read(text.templateName())) {
            return COMPILER.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the e-mail template " + text.templateName(), e);
        }
    }

    /** A template or a partial ({@code {{> name}}}) by name. */
    private static Reader read(String name) {
        String resource = "mail/" + name + ".mustache";
        var in = Objects.requireNonNull(MailTexts.class.getClassLoader().getResourceAsStream(resource), resource);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
