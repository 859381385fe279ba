package br.com.opera360.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque access tokens: {@code <userId>.<secret>}, the secret being 256 random bits, URL-safe. Only the SHA-256 of the
 * secret (the session id) is ever stored. The user id in front is a routing hint, not a credential: it lets a request
 * read the session and the user's access side by side, and it must match the session's user.
 */
public final class AccessTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessTokens() {
    }

    /** A new secret; the token handed out is {@link #token(String, String)} once the user is known. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String token(String userId, String secret) {
        return userId + "." + secret;
    }

    public static String sessionId(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A presented token: the session id of its secret and the user it claims to belong to (if it names one). */
    public record Presented(String sessionId, Optional<String> userHint) {
        public static Presented of(String token) {
            int dot = token.lastIndexOf('.');
            if (dot <= 0) return new Presented(AccessTokens.sessionId(token), Optional.empty());
            return new Presented(AccessTokens.sessionId(token.substring(dot + 1)), Optional.of(token.substring(0, dot)));
        }
    }
}
