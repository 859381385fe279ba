package br.com.opera360.command.user;

import br.com.opera360.command.common.AuditActor;
import br.com.opera360.command.user.LoginChallenges.LoginChallenge;
import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.mail.Mailer;
import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import br.com.opera360.kernel.user.ConfirmLogin;
import br.com.opera360.kernel.user.LogIn;
import br.com.opera360.kernel.user.LogOut;
import br.com.opera360.kernel.user.LoginConfirmation;
import br.com.opera360.kernel.user.LoginOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Login in two steps (password, then the e-mailed token) and logout. Decisions come from event-sourced state (the
 * e-mail claim says who owns an address; the user says whether they are active and whether the account's
 * Administrator has ever logged in) and from the identity stores (password hashes, challenges, failure counts),
 * never from a read model. Refusals are answers, not exceptions, so the unit of work commits {@code LoginFailed}.
 */
@Component
class Authentication {
    private static final Logger log = LoggerFactory.getLogger(Authentication.class);
    // Contract, Authentication: a 6-digit token valid 10 minutes, void after 5 wrong tries; 5 consecutive failures of
    // one e-mail lock it for 15 minutes.
    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(10);
    static final int MAX_WRONG_TOKENS = 5;
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final UserDirectory directory;
    private final CredentialStore credentials;
    private final LoginThrottle throttle;
    private final LoginChallenges challenges;
    private final Sessions sessions;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // Unknown e-mails are checked against this hash, so they take as long as a wrong password.
    private final String dummyHash;

    Authentication(UserDirectory directory, CredentialStore credentials, LoginThrottle throttle, LoginChallenges challenges,
                   Sessions sessions, PasswordEncoder encoder, TemporaryPasswords temporaryPasswords, Mailer mailer, Clock clock) {
        this.directory = directory;
        this.credentials = credentials;
        this.throttle = throttle;
        this.challenges = challenges;
        this.sessions = sessions;
        this.encoder = encoder;
        this.mailer = mailer;
        this.clock = clock;
        this.dummyHash = encoder.encode(temporaryPasswords.generate());
    }

    @CommandHandler
    LoginOutcome handle(LogIn cmd) {
        String email = cmd.email().value();
        Instant now = clock.instant();
        if (throttle.isLocked(email, now)) {
            log.info("Login refused: too many failures for this e-mail");
            return LoginOutcome.locked();
        }
        Optional<Aggregate<User>> user = directory.owning(email);
        user.ifPresent(u -> AuditActor.identify(u.invoke(User::userId)));
        Optional<CredentialStore.StoredPassword> stored = user.flatMap(u -> credentials.find(u.invoke(User::userId)));
        boolean passwordMatches = encoder.matches(cmd.password().value(), stored.map(CredentialStore.StoredPassword::hash).orElse(dummyHash))
                && stored.isPresent();
        String refusal = user.isEmpty() ? "UNKNOWN_EMAIL"
                : !passwordMatches ? "WRONG_PASSWORD"
                : !user.get().invoke(User::active) ? "USER_INACTIVE"
                : !directory.mayLogIn(user.get()) ? "ACCOUNT_NOT_YET_ACCESSED"
                : null;
        if (refusal != null) {
            int failures = throttle.recordFailure(email, now);
            if (failures >= MAX_FAILURES) throttle.lock(email, now.plus(LOCKOUT));
            user.ifPresent(u -> u.execute(x -> x.recordLoginFailed(refusal)));
            log.info("Login refused ({}) for user {}", refusal, user.map(u -> u.invoke(User::userId)).orElse("-"));
            return LoginOutcome.refused();
        }
        throttle.reset(email);

        Aggregate<User> known = user.get();
        String userId = known.invoke(User::userId);
        String accountId = known.invoke(User::accountId);
        String token = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = now.plus(TOKEN_VALIDITY);
        var challenge = new LoginChallenge(cmd.challengeId(), userId, accountId, tokenHash(cmd.challengeId(), token),
                expiresAt, 0, false);
        known.execute(u -> u.recordLoginTokenSent(cmd.challengeId(), expiresAt));
        CurrentUnitOfWork.get().afterCommit(uow -> {
            challenges.open(challenge);
            // Contract: the token is the only 6-digit number of the text (no name, e-mail, date or CNPJ in it)
            mailer.send(new Mail(email, MailText.LOGIN_TOKEN, Map.of("token", token)));
            log.info("Login challenge {} e-mailed to user {}", cmd.challengeId(), userId);
        });
        return new LoginOutcome(LoginOutcome.Status.TOKEN_SENT, cmd.challengeId(), expiresAt);
    }

    @CommandHandler
    LoginConfirmation handle(ConfirmLogin cmd) {
        Instant now = clock.instant();
        Optional<LoginChallenge> found = challenges.find(cmd.challengeId());
        if (found.isEmpty()) return LoginConfirmation.refused();
        LoginChallenge challenge = found.get();
        Aggregate<User> user = directory.load(challenge.userId());
        AuditActor.identify(challenge.userId());
        if (!challenge.usableAt(now, MAX_WRONG_TOKENS)) {
            user.execute(u -> u.recordLoginFailed("CHALLENGE_VOID"));
            return LoginConfirmation.refused();
        }
        // the user guide warns about pasting the token with spaces: they are not part of it
        String given = cmd.token().value().strip();
        byte[] expected = challenge.tokenHash().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, tokenHash(challenge.id(), given).getBytes(StandardCharsets.US_ASCII))) {
            challenges.recordWrongToken(challenge.id());
            user.execute(u -> u.recordLoginFailed("WRONG_TOKEN"));
            return LoginConfirmation.refused();
        }
        if (!user.invoke(User::active)) {
            user.execute(u -> u.recordLoginFailed("USER_INACTIVE"));
            return LoginConfirmation.refused();
        }
        if (!challenges.consume(challenge.id(), now, MAX_WRONG_TOKENS)) return LoginConfirmation.refused();
        user.execute(u -> u.recordLoginSucceeded(challenge.id()));
        boolean mustChange = credentials.find(challenge.userId()).map(CredentialStore.StoredPassword::temporary).orElse(true);
        CurrentUnitOfWork.get().afterCommit(uow -> sessions.open(cmd.sessionId(), challenge.userId(), challenge.accountId(), now, mustChange));
        log.info("User {} logged in", challenge.userId());
        return new LoginConfirmation(true, challenge.userId(), challenge.accountId(), user.version(), mustChange);
    }

    @CommandHandler
    void handle(LogOut cmd) {
        sessions.end(cmd.sessionId());
        directory.of(cmd.userId().value(), cmd.accountId().value()).execute(User::recordLogout);
    }

    /** The token is kept only as this hash; the challenge id salts it so equal tokens hash apart. */
    static String tokenHash(String challengeId, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((challengeId + ":" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
