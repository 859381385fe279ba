package br.com.opera360.query.profile;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The profiles view, part of the "identity" processing group (see {@link ReadModel}). */
@Component
class ProfileReadModel implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.IDENTITY;
    }

    @Override
    public List<String> collections() {
        return List.of(ProfileView.COLLECTION);
    }

    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        mongo.indexOps(ProfileView.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("nameKey", Sort.Direction.ASC).named("account_name"));
    }
}
