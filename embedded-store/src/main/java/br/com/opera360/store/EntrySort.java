package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentComparator;
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
     * bounded heap by the stock sort on their keys, and only the page's documents are read.
     */
    Iterator<Document> page(Document orderBy, int skip, int limit) {
        Comparator<Document> order = new DocumentComparator(orderBy);
        record Keyed(Document keys, Object id) {
        }
        Comparator<Keyed> byKeys = (a, b) -> order.compare(a.keys(), b.keys());
        List<Keyed> chosen;
        Iterator<IndexEntry> entries = walk.entries();
        boolean covered = plan.covered();
        if (limit > 0) {
            int keep = skip + limit;
            PriorityQueue<Keyed> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, byKeys.reversed());
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                Document keys = walk.keysAsDocument(entry);
                if (covered && !matcher.matches(keys, filter)) continue;
                heap.add(new Keyed(keys, entry.id));
                if (heap.size() > keep) heap.poll();
            }
            chosen = new ArrayList<>(heap);
        } else {
            chosen = new ArrayList<>();
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                Document keys = walk.keysAsDocument(entry);
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

}
