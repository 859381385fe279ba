package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The key ranges of an index for the constraints on its prefix, in storage order; null past {@value #MAX_RANGES}. */
final class KeyRanges {
    static final int MAX_RANGES = 10_000;

    private KeyRanges() {
    }


    static List<Plan.Range> of(OrderedIndex index, List<FieldConstraint> used) {
        int n = index.paths().length;
        List<Object[]> lows = new ArrayList<>();
        List<Object[]> highs = new ArrayList<>();
        List<boolean[]> inclusive = new ArrayList<>();   // [lowInclusive, highInclusive]
        lows.add(new Object[n]);
        highs.add(new Object[n]);
        inclusive.add(new boolean[]{true, true});
        for (int k = 0; k < used.size(); k++) {
            FieldConstraint c = used.get(k);
            boolean desc = index.descending(k);
            List<Object[]> nextLows = new ArrayList<>(), nextHighs = new ArrayList<>();
            List<boolean[]> nextInclusive = new ArrayList<>();
            for (int r = 0; r < lows.size(); r++) {
                if (c.isPoints()) {
                    for (Object p : c.points) {
                        Object[] lo = lows.get(r).clone(), hi = highs.get(r).clone();
                        lo[k] = p;
                        hi[k] = p;
                        nextLows.add(lo);
                        nextHighs.add(hi);
                        nextInclusive.add(inclusive.get(r));
                    }
                    if (nextLows.size() > MAX_RANGES) return null;
                } else {
                    Object[] lo = lows.get(r).clone(), hi = highs.get(r).clone();
                    lo[k] = desc ? c.high : c.low;
                    hi[k] = desc ? c.low : c.high;
                    nextLows.add(lo);
                    nextHighs.add(hi);
                    nextInclusive.add(new boolean[]{desc ? c.highInclusive : c.lowInclusive,
                            desc ? c.lowInclusive : c.highInclusive});
                }
            }
            lows = nextLows;
            highs = nextHighs;
            inclusive = nextInclusive;
        }
        List<Plan.Range> ranges = new ArrayList<>(lows.size());
        for (int r = 0; r < lows.size(); r++) {
            boolean[] inc = inclusive.get(r);
            ranges.add(new Plan.Range(bound(index, lows.get(r), used.size(), inc[0], true),
                    bound(index, highs.get(r), used.size(), inc[1], false)));
        }
        Comparator<IndexEntry> order = index.entries().getKeyType()::compare;
        ranges.sort((a, b) -> order.compare(a.low(), b.low()));
        return ranges;
    }

    /**
     * A bound entry: the constrained values, then sentinels that place it before (or after) every entry sharing
     * those values. An inclusive low bound and an exclusive high bound sit before them; the others after.
     */
    private static IndexEntry bound(OrderedIndex index, Object[] values, int constrained, boolean inclusive, boolean low) {
        boolean before = low == inclusive;
        Object[] v = values.clone();
        for (int k = constrained; k < v.length; k++) {
            boolean desc = index.descending(k);
            v[k] = before != desc ? MinKey.getInstance() : MaxKey.getInstance();
        }
        return new IndexEntry(v, before ? MinKey.getInstance() : MaxKey.getInstance());
    }
}
