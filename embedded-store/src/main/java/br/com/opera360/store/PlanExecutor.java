package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.StockInternals;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
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

    PlanExecutor(Plan plan, Snapshot snapshot, Document filter) {
        this.plan = plan;
        this.snapshot = snapshot;
        this.filter = filter == null ? new Document() : filter;
    }

    /** The matching documents in the requested order, skipped, limited and projected, as they are read. */
    Iterator<Document> documents(Document orderBy, int skip, int limit, Document projection, String idField,
                                 boolean copies, FallbackSink sink) {
        boolean sortInMemory = orderBy != null && !orderBy.isEmpty() && !orderBy.containsKey("$natural") && !plan.sortProvided();
        if (sortInMemory && sortsOnEntries(plan, QueryPlanner.sortKeys(orderBy))) {
            return project(sortedOnEntries(orderBy, skip, limit), projection, idField, copies);
        }
        // a skip is taken on index entries, without reading documents, wherever the entries alone decide the match
        int entrySkip = !sortInMemory && skip > 0 && plan.usesIndex() && !plan.dedupe() && (plan.exact() || plan.covered())
                ? skip : 0;
        Counting source = new Counting(matches(entrySkip), sink, skip - entrySkip, limit);
        Iterator<Document> ordered = source;
        if (sortInMemory) ordered = sorted(source, orderBy, skip, limit);
        else if (skip > entrySkip) ordered = skipping(source, skip - entrySkip);
        if (limit > 0) ordered = limited(ordered, limit);
        boolean project = projection != null && !projection.isEmpty();
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
                return project ? StockInternals.project(document, projection, idField) : document;
            }
        };
    }

    /** Whether the plan can sort by index keys alone: the keys decide the match and hold every sort key. */
    static boolean sortsOnEntries(Plan plan, List<QueryPlanner.SortKey> sort) {
        if (sort == null || !plan.usesIndex() || plan.dedupe() || !(plan.exact() || plan.covered())) return false;
        List<String> paths = List.of(plan.index().paths());
        return sort.stream().allMatch(k -> paths.contains(k.path()) || k.path().equals(OrderedIndex.ID_FIELD));
    }

    /**
     * The page of a query whose order the index cannot walk but whose keys it holds: matching entries go through a
     * bounded heap by the stock sort on their keys, and only the page's documents are read.
     */
    private Iterator<Document> sortedOnEntries(Document orderBy, int skip, int limit) {
        Comparator<Document> order = new DocumentComparator(orderBy);
        record Keyed(Document keys, Object id) {
        }
        Comparator<Keyed> byKeys = (a, b) -> order.compare(a.keys(), b.keys());
        List<Keyed> chosen;
        Iterator<IndexEntry> entries = entries();
        boolean covered = plan.covered();
        if (limit > 0) {
            int keep = skip + limit;
            PriorityQueue<Keyed> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, byKeys.reversed());
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                Document keys = keysAsDocument(entry);
                if (covered && !matcher.matches(keys, filter)) continue;
                heap.add(new Keyed(keys, entry.id));
                if (heap.size() > keep) heap.poll();
            }
            chosen = new ArrayList<>(heap);
        } else {
            chosen = new ArrayList<>();
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                Document keys = keysAsDocument(entry);
                if (!covered || matcher.matches(keys, filter)) chosen.add(new Keyed(keys, entry.id));
            }
        }
        chosen.sort(byKeys);
        Iterator<Keyed> page = chosen.subList(Math.min(skip, chosen.size()), chosen.size()).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return page.hasNext();
            }

            @Override
            public Document next() {
                return snapshot.document(page.next().id());
            }
        };
    }

    private static Iterator<Document> project(Iterator<Document> documents, Document projection, String idField, boolean copies) {
        boolean project = projection != null && !projection.isEmpty();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public Document next() {
                Document document = documents.next();
                if (copies) document = document.cloneDeeply();
                return project ? StockInternals.project(document, projection, idField) : document;
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
        Iterator<IndexEntry> entries = entries();
        boolean covered = plan.covered();
        return new Iterator<>() {
            private Document next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    Document keys = keysAsDocument(entries.next());
                    if (!covered || matcher.matches(keys, filter)) next = keys;
                }
                return next != null;
            }

            @Override
            public Document next() {
                if (!hasNext()) throw new NoSuchElementException();
                Document d = next;
                next = null;
                return d;
            }
        };
    }

    /** How many documents match, reading as little as the plan allows. */
    long count(FallbackSink sink) {
        if (plan.usesIndex() && plan.exact() && !plan.dedupe()) {
            RootReference<IndexEntry, byte[]> root = snapshot.root(plan.index());
            long total = 0;
            // an empty interval ($gt 5 and $lt 3) has its low bound after its high one
            for (Plan.Range range : plan.ranges()) total += Math.max(0, insertionPoint(root, range.high()) - insertionPoint(root, range.low()));
            return total;
        }
        long count = 0;
        if (plan.usesIndex() && (plan.exact() || plan.covered())) {
            Iterator<IndexEntry> entries = entries();
            Set<Object> seen = plan.dedupe() ? new HashSet<>() : null;
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                if (seen != null && !seen.add(Missing.ofNullable(entry.id))) continue;
                if (plan.exact() || matcher.matches(keysAsDocument(entry), filter)) count++;
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
            Cursor<Object, Document> cursor = snapshot.documents(plan.naturalReverse());
            return filtered(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Document next() {
                    cursor.next();
                    return cursor.getValue();
                }
            }, true);
        }
        boolean positional = skip > 0 && canSkipByPosition();
        Iterator<IndexEntry> entries = positional ? entriesFrom(skip) : entries();
        boolean dedupe = plan.dedupe();
        Set<Object> seen = dedupe ? new HashSet<>() : null;
        boolean covered = plan.covered();
        Iterator<Document> documents = new Iterator<>() {
            private Document next;
            private int toSkip = positional ? 0 : skip;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    IndexEntry entry = entries.next();
                    if (dedupe && !seen.add(Missing.ofNullable(entry.id))) continue;
                    if (covered && !matcher.matches(keysAsDocument(entry), filter)) continue;
                    if (toSkip > 0) {
                        toSkip--;
                        continue;
                    }
                    next = snapshot.document(entry.id);
                }
                return next != null;
            }

            @Override
            public Document next() {
                if (!hasNext()) throw new NoSuchElementException();
                Document d = next;
                next = null;
                return d;
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
        return new Iterator<>() {
            private Document next;

            @Override
            public boolean hasNext() {
                while (next == null && documents.hasNext()) {
                    Document d = documents.next();
                    examined++;
                    if (!check || matcher.matches(d, filter)) next = d;
                }
                return next != null;
            }

            @Override
            public Document next() {
                if (!hasNext()) throw new NoSuchElementException();
                Document d = next;
                next = null;
                return d;
            }
        };
    }

    private Iterator<IndexEntry> entries() {
        RootReference<IndexEntry, byte[]> root = snapshot.root(plan.index());
        List<Plan.Range> ranges = new ArrayList<>(plan.ranges());
        if (plan.reverse()) Collections.reverse(ranges);
        List<Iterator<IndexEntry>> cursors = new ArrayList<>(ranges.size());
        for (Plan.Range range : ranges) cursors.add(rangeCursor(root, range, null));
        if (plan.mergeFrom() < 0) return concat(cursors);
        return merge(cursors);
    }

    private Iterator<IndexEntry> entriesFrom(int skip) {
        RootReference<IndexEntry, byte[]> root = snapshot.root(plan.index());
        Plan.Range range = plan.ranges().get(0);
        long low = insertionPoint(root, range.low()), high = insertionPoint(root, range.high());
        if (skip >= high - low) return Collections.emptyIterator();
        IndexEntry start = SnapshotPositions.keyAt(root, plan.reverse() ? high - 1 - skip : low + skip);
        return rangeCursor(root, range, start);
    }

    private Iterator<IndexEntry> rangeCursor(RootReference<IndexEntry, byte[]> root, Plan.Range range, IndexEntry start) {
        IndexEntry from = start != null ? start : plan.reverse() ? range.high() : range.low();
        IndexEntry to = plan.reverse() ? range.low() : range.high();
        return plan.index().entries().cursor(root, from, to, plan.reverse());
    }

    private static long insertionPoint(RootReference<IndexEntry, byte[]> root, IndexEntry bound) {
        long i = SnapshotPositions.keyIndex(root, bound);
        return i < 0 ? -(i + 1) : i;   // bounds hold sentinels, so they are never found
    }

    private static <T> Iterator<T> concat(List<Iterator<T>> parts) {
        return new Iterator<>() {
            private int at;

            @Override
            public boolean hasNext() {
                while (at < parts.size() && !parts.get(at).hasNext()) at++;
                return at < parts.size();
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return parts.get(at).next();
            }
        };
    }

    /** K-way merge of ranges that differ in an {@code $in} key, by the keys after it: the sort survives the {@code $in}. */
    private Iterator<IndexEntry> merge(List<Iterator<IndexEntry>> cursors) {
        IndexEntryType type = (IndexEntryType) plan.index().entries().getKeyType();
        int from = plan.mergeFrom();
        Comparator<IndexEntry> order = (a, b) -> type.compareFrom(a, b, from);
        if (plan.reverse()) order = order.reversed();
        record Head(IndexEntry entry, Iterator<IndexEntry> rest) {
        }
        Comparator<IndexEntry> finalOrder = order;
        PriorityQueue<Head> heads = new PriorityQueue<>((x, y) -> finalOrder.compare(x.entry(), y.entry()));
        for (Iterator<IndexEntry> c : cursors) if (c.hasNext()) heads.add(new Head(c.next(), c));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public IndexEntry next() {
                Head head = heads.poll();
                if (head == null) throw new NoSuchElementException();
                if (head.rest().hasNext()) heads.add(new Head(head.rest().next(), head.rest()));
                return head.entry();
            }
        };
    }

    /** The index keys of an entry as a document, for evaluating a covered filter without reading the document. */
    private Document keysAsDocument(IndexEntry entry) {
        Document keys = new Document();
        String[] paths = plan.index().paths();
        for (int i = 0; i < paths.length; i++) {
            if (!(entry.values[i] instanceof Missing)) Utils.changeSubdocumentValue(keys, paths[i], entry.values[i]);
        }
        if (!keys.containsKey(OrderedIndex.ID_FIELD)) keys.put(OrderedIndex.ID_FIELD, entry.id);
        return keys;
    }

    private static Iterator<Document> sorted(Iterator<Document> documents, Document orderBy, int skip, int limit) {
        Comparator<Document> order = new DocumentComparator(orderBy);
        List<Document> all;
        if (limit > 0) {
            // the smallest skip + limit documents, kept in a bounded heap (largest on top)
            int keep = skip + limit;
            PriorityQueue<Document> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, order.reversed());
            while (documents.hasNext()) {
                heap.add(documents.next());
                if (heap.size() > keep) heap.poll();
            }
            all = new ArrayList<>(heap);
        } else {
            all = new ArrayList<>();
            documents.forEachRemaining(all::add);
        }
        all.sort(order);
        return all.subList(Math.min(skip, all.size()), all.size()).iterator();
    }

    private static Iterator<Document> skipping(Iterator<Document> documents, int skip) {
        for (int i = 0; i < skip && documents.hasNext(); i++) documents.next();
        return documents;
    }

    private static Iterator<Document> limited(Iterator<Document> documents, int limit) {
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < limit && documents.hasNext();
            }

            @Override
            public Document next() {
                if (!hasNext()) throw new NoSuchElementException();
                given++;
                return documents.next();
            }
        };
    }
}
