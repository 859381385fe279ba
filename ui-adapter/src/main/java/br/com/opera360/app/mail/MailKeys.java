package br.com.opera360.app.mail;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Keys of messages sent at most once, in the MongoDB collection {@value #COLLECTION} shared by every instance
 * (journaled majority writes in production): a key is claimed by one insert, so two instances or two retries cannot
 * both send.
 */
class MailKeys {
    static final String COLLECTION = "mail_keys";
    private final MongoTemplate mongo;

    MailKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True for the first claim of the key, false ever after. */
    boolean claim(String key) {
        try {
            mongo.insert(new org.bson.Document(Map.of("_id", digest(key))), COLLECTION);
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    /** 32 hex digits of the key's SHA-256: a fixed, file-name-safe length whatever the key holds. */
    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
