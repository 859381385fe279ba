package br.com.opera360.query.user;

import br.com.opera360.kernel.user.ProfileRef;
import br.com.opera360.kernel.user.UserDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * One user, fed by the user's events (version = the user's last applied sequence). {@code nameKey}/{@code emailKey}
 * are lower-case and accent-free, so searches ignore case and accents.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('identity', 'users')}")
record UserView(@Id String id, String accountId, String name, String email, String phone, String cpf, String profileId,
                boolean administrator, String status, Instant createdAt, Instant lastLoginAt, String nameKey,
                String emailKey, long version) {
    static final String COLLECTION = "users";

    static String searchKey(String text) {
        if (text == null) return null;
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    UserDetails toDetails(String profileName) {
        return new UserDetails(id, name, email, phone, cpf, new ProfileRef(profileId, profileName), status, createdAt,
                lastLoginAt);
    }
}
