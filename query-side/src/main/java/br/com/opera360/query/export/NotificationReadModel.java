package br.com.opera360.query.export;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The notifications of the {@value ProcessingGroups#NOTIFICATION} processing group (see {@link ReadModel}). */
@Component
class NotificationReadModel implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.NOTIFICATION;
    }

    @Override
    public List<String> collections() {
        return List.of(NotificationView.COLLECTION);
    }

    /** A user's notifications, newest first. */
    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        mongo.indexOps(NotificationView.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("userId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                .named("account_user_created_id"));
    }
}
