package br.com.opera360.query.profile;

import br.com.opera360.kernel.profile.ProfileDetails;
import br.com.opera360.kernel.profile.ProfileSummary;
import br.com.opera360.kernel.user.UserRef;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One profile, fed by its account's events (version = the account's sequence of the last event on this profile). */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('identity', 'profiles')}")
record ProfileView(@Id String id, String accountId, String name, String nameKey, List<String> functionalities,
                   boolean builtIn, long version) {
    static final String COLLECTION = "profiles";

    ProfileSummary toSummary(long userCount) {
        return new ProfileSummary(id, name, functionalities, builtIn, userCount);
    }

    ProfileDetails toDetails(List<UserRef> users) {
        return new ProfileDetails(id, name, functionalities, builtIn, users.size(), users);
    }
}
