package br.com.opera360.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.StockInternals;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A database of the embedded store: its collections are {@link IndexedCollection}s, every index (unique or not) is an
 * {@link OrderedIndex}, finds and {@code $match}-first aggregations are planned, and index options the store cannot
 * honour are refused when the index is created instead of being silently ignored.
 */
final class IndexedH2Database extends H2Database {
    /** Map names of the stock H2 backend (its constants are not public); they must match to read existing files. */
    private static final String DATA_PREFIX = "databases.", META_PREFIX = "meta.", STOCK_INDEX_INFIX = "._index_";
    private static final String INDEX_INFIX = "._ordered_";

    /**
     * H2Database opens its collections and indexes from its own constructor, before a subclass's fields are assigned;
     * the context reaches those calls through this thread-local, set only for the duration of {@link #open}.
     */
    private static final ThreadLocal<StoreContext> OPENING = new ThreadLocal<>();

    private StoreContext context;
    private Set<IndexedCollection> opened;

    static IndexedH2Database open(String name, StoreContext context) {
        OPENING.set(context);
        try {
            return new IndexedH2Database(name, context);
        } finally {
            OPENING.remove();
        }
    }

    private IndexedH2Database(String name, StoreContext context) {
        super(name, context.store(), context.registry());
        this.context = context;
    }

    private StoreContext context() {
        return context != null ? context : OPENING.get();
    }

    private synchronized Set<IndexedCollection> opened() {
        if (opened == null) opened = ConcurrentHashMap.newKeySet();
        return opened;
    }

    List<IndexedCollection> collections() {
        return new ArrayList<>(opened());
    }

    // ---- collections and indexes ---------------------------------------------------------------------------------

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        // values: StoredDocument as read from the file, Document as written since (see DocumentType)
        MVMap<Object, Object> data = context().store().openMap(DATA_PREFIX + fullName,
                new MVMap.Builder<Object, Object>().valueType(new DocumentType()));
        MVMap<String, Object> meta = context().store().openMap(META_PREFIX + fullName);
        IndexedCollection collection = new IndexedCollection(this, collectionName, options, data, meta, context());
        opened().add(collection);
        return collection;
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        super.dropCollection(collectionName, oplog);
        if (collection != null) opened().remove(collection);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return openIndex(collectionName, indexName, keys, true, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return openIndex(collectionName, indexName, keys, false, sparse);
    }

    private OrderedIndex openIndex(String collectionName, String indexName, List<IndexKey> keys, boolean unique, boolean sparse) {
        String namespace = getFullCollectionNamespace(collectionName);
        // a store written by the stock backend kept its unique indexes in another format: they are built again here
        context().store().removeMap(namespace + STOCK_INDEX_INFIX + indexName);
        return new OrderedIndex(context().store(), namespace + INDEX_INFIX + indexName, context().flags(), indexName,
                keys, unique, sparse);
    }

    @Override
    protected void addIndex(Document description) {
        IndexOptions.check(description);
        super.addIndex(description);
    }

    /** Deletes what TTL indexes say has expired (MongoDB's TTL monitor does the same every 60 seconds). */
    int expireDocuments(Instant now) {
        MongoCollection<Object> descriptions = indexes.get();
        if (descriptions == null) return 0;
        int deleted = 0;
        for (Document description : descriptions.queryAll()) {
            IndexOptions.Ttl ttl = IndexOptions.ttl(description);
            if (ttl == null) continue;
            String ns = (String) description.get("ns");
            MongoCollection<Object> collection = resolveCollection(ns.substring(getDatabaseName().length() + 1), false);
            if (collection == null) continue;
            Instant cutoff = now.minusSeconds(ttl.seconds());
            deleted += collection.deleteDocuments(new Document(ttl.field(), new Document("$lt", cutoff)), 0);
        }
        return deleted;
    }

    // ---- commands --------------------------------------------------------------------------------------------------

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (command.equalsIgnoreCase("find")) {
            if (resolveCollection((String) query.get(command), false) instanceof IndexedCollection collection) {
                clearLastStatus(channel);
                return collection.find((Document) query.getOrDefault("filter", new Document()), (Document) query.get("sort"),
                        (Document) query.get("projection"), number(query, "skip"), number(query, "limit"),
                        number(query, "batchSize"));
            }
        } else if (command.equalsIgnoreCase("aggregate")) {
            Document answer = aggregateFromMatch(channel, command, query, resolver, oplog);
            if (answer != null) return answer;
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    /** An aggregation whose first stage is {@code $match}: its documents come from the planner, and a following {@code $sort} from the index where it can. */
    private Document aggregateFromMatch(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (!(query.get(command) instanceof String collectionName)) return null;
        if (!(resolveCollection(collectionName, false) instanceof IndexedCollection collection)) return null;
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match)) return null;
        clearLastStatus(channel);
        String namespace = getFullCollectionNamespace(collectionName);
        Long counted = PipelineShapes.countOf(pipeline, (filter, skip, limit) -> collection.count(filter, skip, limit));
        if (counted != null) {
            // the drivers' countDocuments: answered like the count command, from the index where it can
            List<Document> answer = counted == 0 ? List.of() : List.of(new Document("_id", 1).append("n", counted.intValue()));
            return StockInternals.firstBatchCursorResponse(namespace, answer, 0);
        }
        List<KeySums.Sum> sums = KeySums.shapeOf(pipeline);
        List<Document> summed = sums == null ? null : collection.sums(match, sums);
        if (summed != null) return StockInternals.firstBatchCursorResponse(namespace, summed, 0);
        Document sort = pipeline.size() > 1 && pipeline.get(1).get("$sort") instanceof Document s ? s : null;
        Set<String> fields = sort == null && pipeline.size() > 1 ? PipelineShapes.groupFields(pipeline.get(1)) : null;
        boolean[] sortProvided = new boolean[1];
        List<Document> result;
        try (Stream<Document> source = collection.matching(match, sort, fields, sortProvided)) {
            List<Document> rest = pipeline.subList(sortProvided[0] ? 2 : 1, pipeline.size());
            Aggregation aggregation = Aggregation.fromPipeline(rest, resolver, this, collection, oplog);
            // the stock check warns about a non-empty cursor option; this path honours its batch size itself
            Document checked = query.clone();
            if (checked.get("cursor") instanceof Document) checked.put("cursor", new Document());
            aggregation.validate(checked);
            result = aggregation.runStages(source);
        }
        int batchSize = query.get("cursor") instanceof Document cursor ? number(cursor, "batchSize") : 0;
        if (batchSize <= 0 || result.size() <= batchSize) {
            return StockInternals.firstBatchCursorResponse(getFullCollectionNamespace(collectionName), result, 0);
        }
        StreamingCursor cursor = context().cursors().open(new StreamingCursor.ResultStream(
                result.subList(batchSize, result.size()).iterator(), () -> { }));
        return StockInternals.firstBatchCursorResponse(getFullCollectionNamespace(collectionName),
                result.subList(0, batchSize), cursor.getId());
    }

    private static int number(Document document, String field) {
        Object value = document.get(field);
        if (value == null) return 0;
        if (value instanceof Number n) return n.intValue();
        throw new MongoServerError(2, "BadValue", field + " must be a number");
    }
}
