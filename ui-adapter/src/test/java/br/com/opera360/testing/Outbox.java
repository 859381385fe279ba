package br.com.opera360.testing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the e-mails the application wrote as .eml files, as a person would open them. */
public final class Outbox {
    private final Path dir;

    public Outbox(Path dir) {
        this.dir = dir;
    }

    public record Mail(Path file, String to, String subject, String text) {
        public String temporaryPassword() {
            Matcher m = Pattern.compile("(?m)^Senha temporária: (\\S+)$").matcher(text);
            if (!m.find()) throw new AssertionError("no temporary password in " + file);
            return m.group(1);
        }

        public String token() {
            Matcher m = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(text);
            if (!m.find()) throw new AssertionError("no 6-digit token in " + file);
            return m.group();
        }
    }

    public List<Mail> to(String recipient) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                        .map(Outbox::read)
                        .filter(m -> m.to().equalsIgnoreCase(recipient))
                        .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest message to the recipient, waiting up to 5 s for it to arrive. */
    public Mail latestTo(String recipient) {
        return awaitCount(recipient, 1).get(to(recipient).size() - 1);
    }

    public List<Mail> awaitCount(String recipient, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        List<Mail> mails = to(recipient);
        while (mails.size() < atLeast && Instant.now().isBefore(deadline)) {
            sleep();
            mails = to(recipient);
        }
        if (mails.size() < atLeast) throw new AssertionError("expected " + atLeast + " e-mails to " + recipient + ", got " + mails.size());
        return mails;
    }

    public Optional<Mail> latest() {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                        .max(Comparator.comparing(f -> f.getFileName().toString())).map(Outbox::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            return new Mail(file, message.getAllRecipients()[0].toString(), message.getSubject(),
                    String.valueOf(message.getContent()));
        } catch (Exception e) {
            throw new AssertionError("unreadable e-mail " + file, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
