package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

// Long because: MongoDB's planning rules for the product's query shapes stay in one place, to be read against MongoDB's own.
// Over 200 lines because: one planning algorithm (flatten, ranges per index from $and/$in/$or, choice); split, its intermediate ranges would travel between classes.
/**
 * Chooses the index for a filter and a sort, the way MongoDB's planner would for the product's queries: equality and
 * {@code $in} on a prefix of the index's keys, then one range on the next key; the sort served by walking the index
 * forward or backward when its keys follow that prefix. Among candidates it prefers the longest equality prefix, then a
 * range, then a provided sort, then an exact or covered plan.
 */
final class QueryPlanner {
    private QueryPlanner() {
    }

    record SortKey(String path, boolean ascending) {
    }

    static List<SortKey> sortKeys(Document orderBy) {
        List<SortKey> keys = new ArrayList<>();
        if (orderBy == null) return keys;
        for (Map.Entry<String, Object> e : orderBy.entrySet()) {
            if (!(e.getValue() instanceof Number n)) return null;          // {$meta: …}: not an index order
            keys.add(new SortKey(e.getKey(), n.intValue() > 0));
        }
        return keys;
    }

    static Plan plan(List<OrderedIndex> indexes, Document filter, Document orderBy) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return Plan.collectionScan(((Number) orderBy.get("$natural")).intValue() < 0);
        }
        QueryShape shape = QueryShape.of(filter);
        List<SortKey> sort = sortKeys(orderBy);
        Plan best = null;
        int bestScore = 0;
        for (OrderedIndex index : indexes) {
            Candidate candidate = Candidate.of(index, shape, sort);
            if (candidate == null) continue;
            Plan plan = candidate.toPlan(shape);
            int score = score(candidate, plan, sort);
            if (score > bestScore) {
                best = plan;
                bestScore = score;
            }
        }
        if (shape.orBranches != null && !shape.needsDocument) {
            Document rest = shape.withoutOr();
            List<QueryShape> branches = shape.orBranches.stream()
                    .map(b -> QueryShape.of(rest.isEmpty() ? b : new Document("$and", List.of(rest, b)))).toList();
            for (OrderedIndex index : indexes) {
                List<Candidate> parts = new ArrayList<>();
                int score = Integer.MAX_VALUE;
                for (QueryShape branch : branches) {
                    Candidate c = Candidate.of(index, branch, sort);
                    if (c == null || c.used().isEmpty()) {
                        parts = null;
                        break;
                    }
                    parts.add(c);
                    score = Math.min(score, score(c, c.toPlan(branch), sort));
                }
                if (parts == null || score <= bestScore) continue;
                Plan union = union(index, parts, branches, shape, sort);
                if (union != null && score(parts.get(0), union, sort) >= score) {
                    best = union;
                    bestScore = score;
                }
            }
        }
        return best != null ? best : Plan.collectionScan(false);
    }

    /**
     * How well a plan serves the query: the equality prefix and the range narrow what is read; the order matters as
     * much, because a plan that must sort documents reads all it matches to return a page. An order is served when the
     * index walk gives it, or when the index keys alone decide the match and hold the sort keys (entries are sorted,
     * and only the returned documents read).
     */
    static int score(Candidate candidate, Plan plan, List<SortKey> sort) {
        // walking the index in order streams; sorting entries still visits every match, so it ranks below
        int order = sort == null || sort.isEmpty() || plan.sortProvided() ? 1500
                : EntrySort.possible(plan, sort) ? 1000 : 0;
        return 1000 * candidate.pointKeys() + (candidate.interval() ? 500 : 0) + order
                + (plan.exact() ? 200 : plan.covered() ? 100 : 0) + 10 - Math.min(candidate.index().paths().length, 9);
    }

    /**
     * An {@code $or} served by one index: each branch (with the filter's other conjuncts) gives its ranges, and the
     * ranges are read together, merged in sort order. Overlapping ranges meet a document twice, so they are deduplicated.
     */
    private static Plan union(OrderedIndex index, List<Candidate> parts, List<QueryShape> branches, QueryShape shape,
                              List<SortKey> sort) {
        List<Plan.Range> ranges = new ArrayList<>();
        boolean allExact = true;
        for (int i = 0; i < parts.size(); i++) {
            List<Plan.Range> own = KeyRanges.of(index, parts.get(i).used());
            if (own == null) return null;
            ranges.addAll(own);
            allExact &= parts.get(i).toPlan(branches.get(i)).exact();
        }
        if (ranges.size() > KeyRanges.MAX_RANGES) return null;
        Comparator<IndexEntry> order = index.entries().getKeyType()::compare;
        ranges.sort((a, b) -> order.compare(a.low(), b.low()));
        boolean disjoint = true;
        for (int i = 1; i < ranges.size(); i++) {
            if (order.compare(ranges.get(i).low(), ranges.get(i - 1).high()) <= 0) disjoint = false;
        }
        boolean ordered = sort != null && !sort.isEmpty();
        boolean sortProvided = ordered && parts.stream().allMatch(Candidate::sortProvided)
                && parts.stream().map(Candidate::reverse).distinct().count() == 1;
        int mergeFrom = sortProvided ? parts.stream().mapToInt(Candidate::firstSorted).min().orElse(0) : -1;
        boolean multikey = index.isMultikey();
        boolean exact = allExact && disjoint && !multikey;
        boolean covered = !exact && !multikey && List.of(index.paths()).containsAll(shape.referencedFields);
        return new Plan(index, ranges, sortProvided && parts.get(0).reverse(), mergeFrom, exact, covered,
                sortProvided || sort != null && sort.isEmpty(), false, !disjoint || multikey);
    }

    /** One index measured against one query. */
    record Candidate(OrderedIndex index, int pointKeys, boolean interval, List<FieldConstraint> used,
                             boolean sortProvided, boolean reverse, int mergeFrom, int firstSorted) {

        static Candidate of(OrderedIndex index, QueryShape shape, List<SortKey> sort) {
            String[] paths = index.paths();
            boolean multikey = index.isMultikey();
            List<FieldConstraint> used = new ArrayList<>();
            int pointKeys = 0;
            boolean interval = false;
            for (String path : paths) {
                FieldConstraint c = shape.constraints.get(path);
                if (c == null) break;
                if (multikey) c = c.onArrays();
                if (c.nullPoint && (index.sparse() || multikey)) break;
                if (c.isPoints()) {
                    used.add(c);
                    pointKeys++;
                    continue;
                }
                if (multikey && c.isTwoSided()) break;  // on arrays, each side may be met by a different element
                used.add(c);
                interval = true;
                break;
            }
            Alignment alignment = multikey || sort == null ? null : Alignment.of(index, used, sort);
            if (used.isEmpty() && alignment == null) return null;
            if (used.isEmpty() && (sort == null || sort.isEmpty())) return null;
            return new Candidate(index, pointKeys, interval, used, alignment != null,
                    alignment != null && alignment.reverse, alignment == null ? -1 : alignment.mergeFrom,
                    alignment == null ? -1 : alignment.firstSorted);
        }


        Plan toPlan(QueryShape shape) {
            List<Plan.Range> ranges = KeyRanges.of(index, used);
            if (ranges == null) return Plan.collectionScan(false);
            boolean multikey = index.isMultikey();
            // on a multikey index the ranges still say everything (no two-sided range is planned there), but a
            // document may sit in several entries: the plan deduplicates and never counts by position
            boolean exact = !shape.needsDocument && !shape.hasLogicalResidual && shape.residualFields.isEmpty()
                    && shape.constraints.size() == used.size() && used.stream().allMatch(c -> c.exact)
                    && usedPathsCoverConstraints(shape);
            boolean covered = !exact && !multikey && !shape.needsDocument
                    && List.of(index.paths()).containsAll(shape.referencedFields);
            return new Plan(index, ranges, reverse, mergeFrom, exact, covered, sortProvided, false, multikey);
        }

        private boolean usedPathsCoverConstraints(QueryShape shape) {
            for (int i = 0; i < used.size(); i++) {
                if (shape.constraints.get(index.paths()[i]) != used.get(i)) return false;
            }
            return true;
        }
    }

    /** Whether walking the index (after its constrained prefix) yields the requested order, and in which direction. */
    private record Alignment(boolean reverse, int mergeFrom, int firstSorted) {
        static Alignment of(OrderedIndex index, List<FieldConstraint> used, List<SortKey> sort) {
            if (sort.isEmpty()) return new Alignment(false, -1, 0);
            String[] paths = index.paths();
            int pos = 0;
            Boolean reverse = null;
            boolean multiPointBefore = false;
            int firstSorted = -1;
            for (int s = 0; s < sort.size(); s++) {
                SortKey key = sort.get(s);
                while (pos < paths.length && !paths[pos].equals(key.path()) && pos < used.size() && used.get(pos).isPoints()) {
                    if (!used.get(pos).isSinglePoint()) {
                        if (firstSorted >= 0) return null;   // varies between sorted keys: order broken
                        multiPointBefore = true;
                    }
                    pos++;
                }
                boolean forward;
                if (pos < paths.length && paths[pos].equals(key.path()) && pos < used.size() && used.get(pos).isSinglePoint()) {
                    pos++;                                   // a constant: any direction will do
                    continue;
                } else if (pos < paths.length && paths[pos].equals(key.path())) {
                    forward = key.ascending() != index.descending(pos);
                    if (firstSorted < 0) firstSorted = pos;
                    pos++;
                } else if (key.path().equals(OrderedIndex.ID_FIELD) && s == sort.size() - 1) {
                    // the _id tiebreak orders entries once every remaining key is a constant
                    for (int rest = pos; rest < paths.length; rest++) {
                        if (rest >= used.size() || !used.get(rest).isSinglePoint()) return null;
                    }
                    forward = key.ascending();
                    if (firstSorted < 0) firstSorted = paths.length;
                    pos = paths.length;
                } else {
                    return null;
                }
                if (reverse == null) reverse = !forward;
                else if (reverse == forward) return null;
            }
            // a range on a key before the sorted ones would interleave values of that key
            for (int i = 0; i < Math.min(firstSorted < 0 ? paths.length : firstSorted, used.size()); i++) {
                if (!used.get(i).isPoints()) return null;
            }
            boolean backward = reverse != null && reverse;   // null: every sort key is a constant
            if (firstSorted < 0) firstSorted = paths.length;
            return new Alignment(backward, multiPointBefore ? firstSorted : -1, firstSorted);
        }
    }
}
