package br.com.opera360.query.audit;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The audit events of the "audit" processing group (see {@link ReadModel}). */
@Component
class AuditReadModel implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.AUDIT;
    }

    @Override
    public List<String> collections() {
        return List.of(AuditEventView.COLLECTION);
    }

    /** The list filters on the account (equality first), optionally on one aggregate, and sorts by global index. */
    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        var events = mongo.indexOps(AuditEventView.class);
        // each ends with the instant, so a from/to filter is decided on index keys
        events.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                .on("timestamp", Sort.Direction.ASC).named("account_index_time"));
        events.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("aggregateType", Sort.Direction.ASC)
                .on("aggregateId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).on("timestamp", Sort.Direction.ASC)
                .named("account_aggregate_index_time"));
        events.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("aggregateId", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).on("timestamp", Sort.Direction.ASC).named("account_aggregateId_index_time"));
    }
}
