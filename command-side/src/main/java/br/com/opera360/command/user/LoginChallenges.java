package br.com.opera360.command.user;

import java.time.Instant;
import java.util.Optional;

/** Open login challenges: the hash of the e-mailed token, its expiry and the wrong tries. Shared (MongoDB). */
public interface LoginChallenges {
    void open(LoginChallenge challenge);

    Optional<LoginChallenge> find(String challengeId);

    void recordWrongToken(String challengeId);

    /** Marks the challenge used if it still is usable at {@code now}; false when another request was first. */
    boolean consume(String challengeId, Instant now, int maxWrongTokens);

    record LoginChallenge(String id, String userId, String accountId, String tokenHash, Instant expiresAt,
                          int wrongTokens, boolean used) {
        boolean usableAt(Instant now, int maxWrongTokens) {
            return !used && wrongTokens < maxWrongTokens && now.isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "LoginChallenge[id=" + id + ", userId=" + userId + "]";
        }
    }
}
