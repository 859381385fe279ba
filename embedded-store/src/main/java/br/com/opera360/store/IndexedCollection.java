package br.com.opera360.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.StockInternals;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

// Over 200 lines because: every read and write hook of the stock H2Collection is overridden here together (a few lines
// each), so none bypasses the indexes or reads a stored document undecoded; planning and walking live in QueryPlanner
// and PlanExecutor, checking an index against the documents in IndexAgreement.
/**
 * A collection whose reads are planned on its {@link OrderedIndex}es and run on a {@link Snapshot} without holding the
 * collection's lock; writes keep the stock engine's per-collection lock, and the documents they hand to the stock update
 * code are copies, so the stored documents a reader streams are never changed under it.
 */
final class IndexedCollection extends H2Collection {
    private final StoreContext context;
    /** Values are {@link StoredDocument}s or {@link Document}s: every read goes through {@link StoredDocument#of}. */
    private final MVMap<Object, Object> data;

    @SuppressWarnings("unchecked")
    IndexedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Object> data,
                      MVMap<String, Object> meta, StoreContext context) {
        // the stock class only writes documents into the map and reads them through the overrides below
        super(database, name, options, (MVMap<Object, Document>) (MVMap<?, ?>) data, meta, context.registry());
        this.context = context;
        this.data = data;
    }

    // ---- the stock engine's reads of the document map, which holds stored documents too -----------------------

    @Override
    protected Document getDocument(Object position) {
        return StoredDocument.of(data.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (data.remove(position) == null) throw new NoSuchElementException("No document with key " + position);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream().map(e -> new DocumentWithPosition<>(StoredDocument.of(e.getValue()), e.getKey()));
    }

    /**
     * The documents' total BSON size ({@code collStats}, {@code dbStats}) is summed when asked. Tracked on every write
     * as the stock engine does, it cost each insert, update and delete an encoding of the document only to measure it,
     * plus a write to the collection's meta map; the product never asks for it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        // the stock constructor asks once, for a debug line, before this class has its map: no scan at each start
        if (data == null) return 0;
        long size = 0;
        for (Object value : data.values()) size += StoredDocument.bsonSize(value);
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document sort, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> documents = isNaturalDescending(sort)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : data.values().stream().map(StoredDocument::of);
        return matchDocumentsFromStream(documents, query, sort, skip, limit, batchSize, fieldSelector);
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    /** A find from the wire: the first batch, and a streaming cursor for the rest. */
    Document find(Document filter, Document sort, Document projection, int skip, int limit, int batchSize) {
        boolean singleBatch = limit < 0;
        int max = Math.abs(limit);
        Plan plan = plan(filter, sort);
        Snapshot snapshot = snapshot();
        Iterator<Document> documents = new PlanExecutor(plan, snapshot, filter)
                .documents(sort, skip, max, projection, getIdField(), false, sink(filter, sort));
        StreamingCursor.ResultStream results = new StreamingCursor.ResultStream(documents, snapshot);
        int first = batchSize > 0 ? batchSize : singleBatch ? StreamingCursor.DEFAULT_BATCH : 101;
        List<Document> firstBatch = results.next(Math.min(first, StreamingCursor.DEFAULT_BATCH));
        long cursorId = 0;
        if (!singleBatch && results.hasNext()) cursorId = context.cursors().open(results).getId();
        else results.close();
        return StockInternals.firstBatchCursorResponse(getFullName(), firstBatch, cursorId);
    }

    /**
     * The documents of a {@code $match} stage, lazily, and whether they already come in the next stage's sort order.
     * When the following stages read only {@code fields} (a {@code $group} over indexed fields) and the index keys
     * decide the filter, they get the index keys instead of the documents.
     */
    Stream<Document> matching(Document filter, Document sort, Set<String> fields, boolean[] sortProvided) {
        Plan plan = plan(filter, sort);
        sortProvided[0] = sort != null && plan.sortProvided();
        Snapshot snapshot = snapshot();
        PlanExecutor executor = new PlanExecutor(plan, snapshot, filter);
        Iterator<Document> documents = sort == null && fields != null && executor.keysSuffice(fields)
                ? executor.keyDocuments()
                : executor.documents(sortProvided[0] ? sort : null, 0, 0, null, getIdField(), false, sink(filter, sort));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents, 0), false).onClose(snapshot::close);
    }

    /** A {@code $match} + {@code $group} of sums answered from index keys, or null when the keys do not suffice. */
    List<Document> sums(Document filter, List<KeySums.Sum> shape) {
        Plan plan = plan(filter, null);
        try (Snapshot snapshot = snapshot()) {
            PlanExecutor executor = new PlanExecutor(plan, snapshot, filter);
            return executor.keysSuffice(KeySums.paths(shape)) ? executor.sums(shape) : null;
        }
    }

    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        Document filter = selector;
        Document sort = null;
        if (selector.containsKey("query")) {
            filter = (Document) selector.get("query");
            sort = (Document) selector.get("orderby");
        } else if (selector.containsKey("$query")) {
            filter = (Document) selector.get("$query");
            sort = (Document) selector.get("$orderby");
        }
        return queryDocuments(filter, sort, parameters.getNumberToSkip(), parameters.getLimit(),
                parameters.getBatchSize(), parameters.getProjection());
    }

    /**
     * Queries the stock engine makes itself (updates, deletes, findAndModify, {@code $lookup}, index listings): the
     * whole result at once, as the stock engine answers them. On the write path, under the collection's lock, the
     * documents are copies, because the stock update code changes the document it is given.
     */
    @Override
    protected QueryResult queryDocuments(Document filter, Document sort, int skip, int limit, int batchSize,
                                         Document projection) {
        boolean writing = Thread.holdsLock(this);
        Plan plan = plan(filter, sort);
        List<Document> result = new ArrayList<>();
        try (Snapshot snapshot = snapshot()) {
            new PlanExecutor(plan, snapshot, filter)
                    .documents(sort, skip, Math.abs(limit), projection, getIdField(), writing, sink(filter, sort))
                    .forEachRemaining(result::add);
        }
        return new QueryResult(result);
    }

    @Override
    public int count(Document filter, int skip, int limit) {
        if (filter == null || filter.isEmpty()) return super.count(filter, skip, limit);
        long count;
        try (Snapshot snapshot = snapshot()) {
            count = new PlanExecutor(plan(filter, null), snapshot, filter).count(sink(filter, null));
        }
        if (skip > 0) count = Math.max(0, count - skip);
        if (limit > 0) count = Math.min(count, limit);
        return (int) count;
    }

    @Override
    public Document handleDistinct(Document query) {
        String key = (String) query.get("key");
        Document filter = (Document) query.getOrDefault("query", new Document());
        try (Snapshot snapshot = snapshot()) {
            return DistinctValues.of(new PlanExecutor(plan(filter, null), snapshot, filter)
                    .documents(null, 0, 0, null, getIdField(), false, sink(filter, null)), key);
        }
    }

    private Plan plan(Document filter, Document sort) {
        return QueryPlanner.plan(orderedIndexes(), filter, sort);
    }

    private PlanExecutor.FallbackSink sink(Document filter, Document sort) {
        return detail -> context.fallbacks().record(getFullName(), ShapeText.of(filter, sort), detail);
    }

    /** The roots of the documents and of every index, taken between two writes of this collection. */
    private synchronized Snapshot snapshot() {
        return new Snapshot(context.store(), data, orderedIndexes());
    }

    private synchronized List<OrderedIndex> orderedIndexes() {
        List<OrderedIndex> result = new ArrayList<>();
        for (Index<Object> index : getIndexes()) if (index instanceof OrderedIndex o) result.add(o);
        return result;
    }

    // ---- index maintenance ---------------------------------------------------------------------------------------

    @Override
    public synchronized void addIndex(Index<Object> index) {
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }

    /** Disagreements between one index and the documents, computed from a snapshot. */
    List<String> verify(OrderedIndex index) {
        try (Snapshot snapshot = snapshot()) {
            return IndexAgreement.problems(getFullName(), index, snapshot);
        }
    }

    /** Builds one index again from the documents. */
    synchronized void rebuild(OrderedIndex index) {
        index.clear();
        var documents = data.cursor(null);
        while (documents.hasNext()) {
            documents.next();
            index.add(StoredDocument.of(documents.getValue()), documents.getKey(), this);
        }
    }

    List<OrderedIndex> indexes() {
        return orderedIndexes();
    }
}
