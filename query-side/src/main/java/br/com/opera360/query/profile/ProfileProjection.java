package br.com.opera360.query.profile;

import br.com.opera360.kernel.account.ProfileCreated;
import br.com.opera360.kernel.common.ViewChanged;
import br.com.opera360.kernel.profile.GetProfile;
import br.com.opera360.kernel.profile.ProfileChanged;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** In the users' processing group ("identity"), so user views never run ahead of the profiles they point to. */
@Component
@ProcessingGroup(ProcessingGroups.IDENTITY)
class ProfileProjection {
    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;

    ProfileProjection(MongoTemplate mongo, QueryUpdateEmitter updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(ProfileCreated e, @SequenceNumber long seq) {
        apply(e.profileId(), seq, new Update()
                .set("accountId", e.accountId())
                .set("name", e.name())
                .set("nameKey", sortKey(e.name()))
                .set("functionalities", e.functionalities())
                .set("builtIn", e.builtIn()));
    }

    @EventHandler
    void on(ProfileChanged e, @SequenceNumber long seq) {
        apply(e.profileId(), seq, new Update()
                .set("name", e.name())
                .set("nameKey", sortKey(e.name()))
                .set("functionalities", e.functionalities()));
    }

    private void apply(String profileId, long seq, Update update) {
        update.set("version", seq);
        var result = mongo.updateFirst(query(where("_id").is(profileId).and("version").lt(seq)), update, ProfileView.class);
        if (result.getMatchedCount() == 0 && !mongo.exists(query(where("_id").is(profileId)), ProfileView.class)) {
            mongo.upsert(query(where("_id").is(profileId)), update, ProfileView.class);
        }
        updates.emit(GetProfile.class, q -> q.profileId().value().equals(profileId), new ViewChanged(profileId, seq));
    }

    static String sortKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ProfileView.class);
    }
}
