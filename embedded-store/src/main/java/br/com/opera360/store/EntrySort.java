package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/** A page sorted on index keys: for an order the index walk does not give but whose keys the index holds. */
final class EntrySort {
    private final Plan plan;
    private final RangeWalk walk;
    private final Snapshot snapshot;
    private final Document filter;
    private final QueryMatcher matcher = new DefaultQueryMatcher();

    EntrySort(Plan plan, RangeWalk walk, Snapshot snapshot, Document filter) {
        this.plan = plan;
        this.walk = walk;
        this.snapshot = snapshot;
        this.filter = filter;
    }

    /** Whether the plan can sort by index keys alone: the keys decide the match and hold every sort key. */
    static boolean possible(Plan plan, List<QueryPlanner.SortKey> sort) {
        if (sort == null || !plan.usesIndex() || plan.dedupe() || !(plan.exact() || plan.covered())) return false;
        List<String> paths = List.of(plan.index().paths());
        return sort.stream().allMatch(k -> paths.contains(k.path()) || k.path().equals(OrderedIndex.ID_FIELD));
    }

    /**
     * The page of a query whose order the index cannot walk but whose keys it holds: matching entries go through a
     * bounded heap by the stock comparison of their key values (no document is built for an entry unless a covered
     * filter must be checked on it), and only the page's documents are read.
     */
    Iterator<Document> page(Document orderBy, int skip, int limit) {
        Comparator<IndexEntry> byKeys = entryOrder(orderBy);
        List<IndexEntry> chosen;
        Iterator<IndexEntry> entries = walk.entries();
        boolean covered = plan.covered();
        if (limit > 0) {
            int keep = skip + limit;
            PriorityQueue<IndexEntry> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, byKeys.reversed());
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                if (covered && !matcher.matches(walk.keysAsDocument(entry), filter)) continue;
                if (heap.size() == keep && byKeys.compare(entry, heap.peek()) >= 0) continue;
                heap.add(entry);
                if (heap.size() > keep) heap.poll();
            }
            chosen = new ArrayList<>(heap);
        } else {
            chosen = new ArrayList<>();
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                if (!covered || matcher.matches(walk.keysAsDocument(entry), filter)) chosen.add(entry);
            }
        }
        chosen.sort(byKeys);
        Iterator<IndexEntry> page = chosen.subList(Math.min(skip, chosen.size()), chosen.size()).iterator();
        return new MappedIterator<>(page, entry -> snapshot.document(entry.id));
    }

    /**
     * The stock sort ({@code DocumentComparator}: {@code ValueComparator} ascending or descending per key) applied to
     * the entries' key values, which are what the keys document of an entry would hold at those paths.
     */
    private Comparator<IndexEntry> entryOrder(Document orderBy) {
        List<String> paths = List.of(plan.index().paths());
        List<Comparator<IndexEntry>> keys = new ArrayList<>();
        for (String key : orderBy.keySet()) {
            ValueComparator values = ((Number) orderBy.get(key)).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
            int at = paths.indexOf(key);
            keys.add(at >= 0 ? (a, b) -> values.compare(a.values[at], b.values[at]) : (a, b) -> values.compare(a.id, b.id));
        }
        return (a, b) -> {
            for (Comparator<IndexEntry> key : keys) {
                int c = key.compare(a, b);
                if (c != 0) return c;
            }
            return 0;
        };
    }
}
