package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.StockInternals;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.RootReference;
import org.h2.mvstore.SnapshotPositions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.UnaryOperator;

// Long because: it is one pipeline (walk, filter, fetch, sort, page, project) read top to bottom; stages with state of their own are already apart (RangeWalk, EntrySort, DocumentPages).
// Over 200 lines because: one plan's execution over one snapshot (walk, covered filter, document reads, sort, skip/limit, fallback count) sharing that plan's state.
/**
 * Runs a {@link Plan} on a {@link Snapshot}: walks the index ranges (merged where the sort needs it), filters on the
 * index keys when the plan is covered, reads each remaining document once, checks it with the stock matcher unless the
 * ranges already said everything, then sorts only when the index could not, and applies skip, limit and projection
 * lazily. Documents the query read but did not return are counted; past skip + limit + 100 the query is a fallback.
 */
final class PlanExecutor {
    static final int FALLBACK_SLACK = 100;

    /** Where a query reports that it was not served by an index. */
    interface FallbackSink {
        void fallback(String detail);
    }

    private final Plan plan;
    private final Snapshot snapshot;
    private final Document filter;
    private final QueryMatcher matcher = new DefaultQueryMatcher();

    private final RangeWalk walk;

    PlanExecutor(Plan plan, Snapshot snapshot, Document filter) {
        this.walk = plan.usesIndex() ? new RangeWalk(plan, snapshot) : null;
        this.plan = plan;
        this.snapshot = snapshot;
        this.filter = filter == null ? new Document() : filter;
    }

    /** The matching documents in the requested order, skipped, limited and projected, as they are read. */
    Iterator<Document> documents(Document orderBy, int skip, int limit, Document projection, String idField,
                                 boolean copies, FallbackSink sink) {
        boolean sortInMemory = orderBy != null && !orderBy.isEmpty() && !orderBy.containsKey("$natural") && !plan.sortProvided();
        if (sortInMemory && EntrySort.possible(plan, QueryPlanner.sortKeys(orderBy))) {
            return DocumentPages.project(new EntrySort(plan, walk, snapshot, filter).page(orderBy, skip, limit), projection, idField, copies);
        }
        // a skip is taken on index entries, without reading documents, wherever the entries alone decide the match
        int entrySkip = !sortInMemory && skip > 0 && plan.usesIndex() && !plan.dedupe() && (plan.exact() || plan.covered())
                ? skip : 0;
        Counting source = new Counting(matches(entrySkip), sink, skip - entrySkip, limit);
        Iterator<Document> ordered = source;
        if (sortInMemory) ordered = DocumentPages.sorted(source, orderBy, skip, limit);
        else if (skip > entrySkip) ordered = DocumentPages.skipping(source, skip - entrySkip);
        if (limit > 0) ordered = DocumentPages.limited(ordered, limit);
        UnaryOperator<Document> project = projection != null && !projection.isEmpty()
                ? StockInternals.projection(projection, idField) : UnaryOperator.identity();
        Iterator<Document> result = ordered;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = result.hasNext();
                if (!more) source.finish();
                return more;
            }

            @Override
            public Document next() {
                Document document = result.next();
                source.returned++;
                if (copies) document = document.cloneDeeply();
                return project.apply(document);
            }
        };
    }

    /** Whether the index keys alone answer the filter and hold these fields, so no document needs reading. */
    boolean keysSuffice(java.util.Collection<String> fields) {
        if (!plan.usesIndex() || plan.dedupe() || !(plan.exact() || plan.covered())) return false;
        List<String> paths = List.of(plan.index().paths());
        return fields.stream().allMatch(f -> paths.contains(f) || f.equals(OrderedIndex.ID_FIELD));
    }

    /** The matching entries' keys as documents (with {@code _id}), in index order: for stages that read only those. */
    Iterator<Document> keyDocuments() {
        Iterator<IndexEntry> entries = walk.entries();
        boolean covered = plan.covered();
        return new Lookahead<>() {
            @Override
            protected Document find() {
                while (entries.hasNext()) {
                    Document keys = walk.keysAsDocument(entries.next());
                    if (!covered || matcher.matches(keys, filter)) return keys;
                }
                return null;
            }
        };
    }

    /** The sums of a {@code $group} over the matching entries' keys (see {@link KeySums}); needs {@link #keysSuffice}. */
    List<Document> sums(List<KeySums.Sum> shape) {
        KeySums sums = KeySums.over(shape, plan.index().paths());
        Iterator<IndexEntry> entries = walk.entries();
        boolean covered = plan.covered();
        while (entries.hasNext()) {
            IndexEntry entry = entries.next();
            if (!covered || matcher.matches(walk.keysAsDocument(entry), filter)) sums.add(entry);
        }
        return sums.result();
    }

    /** How many documents match, reading as little as the plan allows. */
    long count(FallbackSink sink) {
        if (plan.usesIndex() && plan.exact() && !plan.dedupe()) return walk.count();
        long count = 0;
        if (plan.usesIndex() && (plan.exact() || plan.covered())) {
            Iterator<IndexEntry> entries = walk.entries();
            Set<Object> seen = plan.dedupe() ? new HashSet<>() : null;
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                if (seen != null && !seen.add(Missing.ofNullable(entry.id))) continue;
                if (plan.exact() || matcher.matches(walk.keysAsDocument(entry), filter)) count++;
            }
            return count;
        }
        Iterator<Document> documents = matches(0);
        while (documents.hasNext()) {
            documents.next();
            count++;
        }
        sink.fallback(plan.describe() + ", count read documents");
        return count;
    }

    /** Whether the first {@code skip} matches can be jumped over by position in the counted B-tree. */
    private boolean canSkipByPosition() {
        return plan.usesIndex() && plan.exact() && !plan.dedupe() && plan.ranges().size() == 1 && plan.mergeFrom() < 0;
    }

    private Iterator<Document> matches(int skip) {
        if (!plan.usesIndex()) {
            return filtered(snapshot.documents(plan.naturalReverse()), true);
        }
        boolean positional = skip > 0 && canSkipByPosition();
        Iterator<IndexEntry> entries = positional ? walk.entriesFrom(skip) : walk.entries();
        boolean dedupe = plan.dedupe();
        Set<Object> seen = dedupe ? new HashSet<>() : null;
        boolean covered = plan.covered();
        Iterator<Document> documents = new Lookahead<>() {
            private int toSkip = positional ? 0 : skip;

            @Override
            protected Document find() {
                while (entries.hasNext()) {
                    IndexEntry entry = entries.next();
                    if (dedupe && !seen.add(Missing.ofNullable(entry.id))) continue;
                    if (covered && !matcher.matches(walk.keysAsDocument(entry), filter)) continue;
                    if (toSkip > 0) {
                        toSkip--;
                        continue;
                    }
                    Document document = snapshot.document(entry.id);
                    if (document != null) return document;
                }
                return null;
            }
        };
        return filtered(documents, !plan.exact() && !covered);
    }

    /** The counter in front of the matcher: every document read passes here. */
    private final class Counting implements Iterator<Document> {
        private final Iterator<Document> read;
        private final FallbackSink sink;
        private final long allowance;
        long returned;
        private boolean reported;

        Counting(Iterator<Document> read, FallbackSink sink, int skip, int limit) {
            this.read = read;
            this.sink = sink;
            this.allowance = (long) skip + Math.max(limit, 0) + FALLBACK_SLACK;
        }

        @Override
        public boolean hasNext() {
            return read.hasNext();
        }

        @Override
        public Document next() {
            return read.next();
        }

        void finish() {
            if (!reported && examined - returned > allowance) {
                reported = true;
                sink.fallback(plan.describe() + ", read " + examined + " documents for " + returned);
            }
        }
    }

    private long examined;

    private Iterator<Document> filtered(Iterator<Document> documents, boolean check) {
        return new Lookahead<>() {
            @Override
            protected Document find() {
                while (documents.hasNext()) {
                    Document d = documents.next();
                    examined++;
                    if (!check || matcher.matches(d, filter)) return d;
                }
                return null;
            }
        };
    }

}
