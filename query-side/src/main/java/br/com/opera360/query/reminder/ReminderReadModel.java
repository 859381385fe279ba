package br.com.opera360.query.reminder;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The collections of the {@value ProcessingGroups#REMINDER} processing group (see {@link ReadModel}). */
@Component
class ReminderReadModel implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.REMINDER;
    }

    @Override
    public List<String> collections() {
        return List.of(ReminderSettingsView.COLLECTION, ReminderScheduleView.COLLECTION);
    }

    /** The sweep reads the entries due in a window of days, every account at once. */
    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        mongo.indexOps(ReminderScheduleView.class).ensureIndex(new Index().on("dueDate", Sort.Direction.ASC)
                .on("cancelled", Sort.Direction.ASC).named("due_cancelled"));
    }
}
