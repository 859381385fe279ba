package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportQuery;
import br.com.opera360.kernel.export.ExportRequested;
import br.com.opera360.query.common.StoreDurability;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The export process's own persisted state (collection {@value #COLLECTION}), one document per export that still
 * needs work: to be produced (QUEUED, RUNNING), from the query the request recorded, or to be deleted when its
 * retention ends (READY, with {@code expiresAt}). An instance works on a job while it holds its lease ({@code owner},
 * {@code leaseUntil}); a job whose lease ran out (its instance died) is taken over, and a restarted instance takes its
 * own jobs back at once. Shared by every instance, so schedules survive restarts; writes are flushed before they are
 * relied on.
 */
@Component
class ExportJobs {
    static final String COLLECTION = "export_jobs";
    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String READY = "READY";

    private final MongoTemplate mongo;
    private final StoreDurability durability;
    private final Serializer serializer;

    ExportJobs(MongoTemplate mongo, StoreDurability durability, Serializer serializer) {
        this.mongo = mongo;
        this.durability = durability;
        this.serializer = serializer;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.ensureIndex(new Index().on("state", Sort.Direction.ASC).on("leaseUntil", Sort.Direction.ASC).named("state_lease"));
        indexes.ensureIndex(new Index().on("state", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC).named("state_expires"));
    }

    /** Records the request once (a redelivered event changes nothing); answers whether it is new. */
    boolean add(ExportRequested e, String owner, Instant leaseUntil) {
        var update = new Update()
                .setOnInsert("accountId", e.accountId())
                .setOnInsert("userId", e.userId())
                .setOnInsert("dataset", e.dataset())
                .setOnInsert("format", e.format())
                .setOnInsert("state", QUEUED)
                .setOnInsert("attempts", 0)
                .setOnInsert("owner", owner)
                .setOnInsert("leaseUntil", Date.from(leaseUntil));
        if (e.query() != null) {
            // as the event store holds it: the kernel record's JSON under its type name
            SerializedObject<String> query = serializer.serialize(e.query(), String.class);
            update.setOnInsert("query", query.getData()).setOnInsert("queryType", query.getType().getName());
        }
        var result = mongo.upsert(query(where("_id").is(e.exportId())), update, COLLECTION);
        durability.flush();
        return result.getUpsertedId() != null;
    }

    Document get(String exportId) {
        return mongo.findById(exportId, Document.class, COLLECTION);
    }

    /** Marks the start of an attempt; answers the attempt number. */
    int start(String exportId) {
        var job = mongo.findAndModify(query(where("_id").is(exportId)),
                new Update().inc("attempts", 1).set("state", RUNNING),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        durability.flush();
        return job == null ? 0 : job.getInteger("attempts", 1);
    }

    /** The file is stored: from now on the job is the file's deletion schedule. */
    void scheduleExpiry(String exportId, Instant expiresAt) {
        mongo.updateFirst(query(where("_id").is(exportId)), new Update().set("expiresAt", Date.from(expiresAt)), COLLECTION);
        durability.flush();
    }

    void ready(String exportId) {
        mongo.updateFirst(query(where("_id").is(exportId)), new Update().set("state", READY), COLLECTION);
        durability.flush();
    }

    void remove(String exportId) {
        mongo.remove(query(where("_id").is(exportId)), COLLECTION);
        durability.flush();
    }

    void renew(Collection<String> exportIds, String owner, Instant leaseUntil) {
        if (exportIds.isEmpty()) return;
        mongo.updateMulti(query(where("_id").in(exportIds)),
                new Update().set("owner", owner).set("leaseUntil", Date.from(leaseUntil)), COLLECTION);
    }

    /** Jobs still to produce that are this instance's (after a restart) or whose owner's lease ran out. */
    List<Document> orphans(String owner, Instant now) {
        return mongo.find(query(where("state").in(QUEUED, RUNNING)
                .orOperator(where("owner").is(owner), where("leaseUntil").lt(Date.from(now)))), Document.class, COLLECTION);
    }

    /** Takes a job over unless another instance renewed its lease meanwhile. */
    boolean claim(String exportId, String owner, Instant now, Instant leaseUntil) {
        Criteria free = new Criteria().orOperator(where("owner").is(owner), where("leaseUntil").lt(Date.from(now)));
        var result = mongo.updateFirst(query(where("_id").is(exportId).and("state").in(QUEUED, RUNNING).andOperator(free)),
                new Update().set("owner", owner).set("leaseUntil", Date.from(leaseUntil)), COLLECTION);
        durability.flush();
        return result.getMatchedCount() > 0;
    }

    /** Ready files whose retention has ended. */
    List<Document> due(Instant now) {
        return mongo.find(query(where("state").is(READY).and("expiresAt").lte(Date.from(now))), Document.class, COLLECTION);
    }

    /**
     * The job's query, as the request recorded it; empty for a request recorded without one (see
     * {@code ExportRequested}) and for a job recorded before jobs held their query.
     */
    Optional<ExportQuery> queryOf(Document job) {
        String data = job.getString("query");
        if (data == null) return Optional.empty();
        return Optional.of(serializer.deserialize(new SimpleSerializedObject<>(data, String.class, job.getString("queryType"), null)));
    }
}
