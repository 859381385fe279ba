package br.com.opera360.query.user;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The users view, and the companies joined to it, of the {@value ProcessingGroups#IDENTITY} processing group (see {@link ReadModel}). */
@Component
class UserReadModel implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.IDENTITY;
    }

    @Override
    public List<String> collections() {
        return List.of(UserView.COLLECTION, CompanyView.COLLECTION);
    }

    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        var indexes = mongo.indexOps(UserView.class);
        // the list sorts by name and filters on status, profile and a name-or-e-mail text: all on index keys
        indexes.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).on("emailKey", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("profileId", Sort.Direction.ASC).named("account_name_filters"));
        indexes.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("profileId", Sort.Direction.ASC)
                .on("nameKey", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("emailKey", Sort.Direction.ASC).named("account_profile_name_filters"));
    }
}
