package br.com.opera360.command.user;

import br.com.opera360.kernel.mail.Mailer;
import br.com.opera360.kernel.mail.Mail;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generates temporary passwords that meet the password policy and delivers them once the unit of work that
 * recorded {@code TemporaryPasswordIssued} has committed: a rejected command never leaves a password behind.
 */
@Component
public class TemporaryPasswords {
    private static final Logger log = LoggerFactory.getLogger(TemporaryPasswords.class);
    // No look-alikes (0/O, 1/l/I): the password is typed from an e-mail.
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!@#$%&*?-_+=";
    private static final int LENGTH = 14;

    private final SecureRandom random = new SecureRandom();
    private final PasswordEncoder encoder;
    private final CredentialStore credentials;
    private final Sessions sessions;
    private final Mailer mailer;

    public TemporaryPasswords(PasswordEncoder encoder, CredentialStore credentials, Sessions sessions, Mailer mailer) {
        this.encoder = encoder;
        this.credentials = credentials;
        this.sessions = sessions;
        this.mailer = mailer;
    }

    public String generate() {
        List<Character> chars = new ArrayList<>(LENGTH);
        for (String pool : List.of(LOWER, UPPER, DIGITS, SPECIAL)) chars.add(pick(pool));
        String all = LOWER + UPPER + DIGITS + SPECIAL;
        while (chars.size() < LENGTH) chars.add(pick(all));
        Collections.shuffle(chars, random);
        StringBuilder sb = new StringBuilder(LENGTH);
        chars.forEach(sb::append);
        return sb.toString();
    }

    private char pick(String pool) {
        return pool.charAt(random.nextInt(pool.length()));
    }

    /**
     * After the current unit of work commits: store the hash, then e-mail the password. Should the process die in
     * between, the user asks for a new one with "Esqueci minha senha".
     */
    public void deliverAfterCommit(String userId, String password, Mail mail) {
        CurrentUnitOfWork.get().afterCommit(uow -> {
            // the user's live sessions first: a crash in between asks them for a new password they need not choose,
            // never leaves a temporary password that a live session could keep
            sessions.requirePasswordChange(userId);
            credentials.storePassword(userId, encoder.encode(password), true);
            mailer.send(mail);
            log.info("Temporary credentials for user {} e-mailed to {}", userId, mail.to());
        });
    }
}
