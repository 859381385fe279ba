package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a filter says about one field, in the terms an index can serve: a set of points (equality, {@code $in}) or one
 * interval ({@code $gt/$gte/$lt/$lte}, intersected). {@code exact} tells whether the index range expresses the
 * predicate exactly (the stock matcher compares only values of the same type, "type bracketing", so an open side is
 * exact only where the next BSON type bounds it); otherwise the documents are checked again.
 */
final class FieldConstraint {
    private static final ValueComparator ORDER = ValueComparator.asc();

    final List<Object> points;          // null when this is an interval
    final Object low, high;             // interval bounds, BSON order
    final boolean lowInclusive, highInclusive;
    final boolean exact;
    final boolean nullPoint;            // a point is null: matches null and missing
    /** Bounded on both sides by the filter's own operators (a type bracket's side does not count). */
    final boolean twoSided;
    /** When this is several predicates intersected: one of them alone (see {@link #onArrays()}); null otherwise. */
    private FieldConstraint single;

    private FieldConstraint(List<Object> points, Object low, boolean lowInclusive, Object high, boolean highInclusive,
                            boolean exact) {
        this(points, low, lowInclusive, high, highInclusive, exact, false);
    }

    private FieldConstraint(List<Object> points, Object low, boolean lowInclusive, Object high, boolean highInclusive,
                            boolean exact, boolean twoSided) {
        this.twoSided = twoSided;
        this.points = points;
        this.low = low;
        this.lowInclusive = lowInclusive;
        this.high = high;
        this.highInclusive = highInclusive;
        this.exact = exact;
        this.nullPoint = points != null && points.stream().anyMatch(p -> p == null);
    }

    static FieldConstraint points(List<Object> values) {
        TreeSet<Object> sorted = new TreeSet<>(ORDER);
        sorted.addAll(values);
        return new FieldConstraint(new ArrayList<>(sorted), null, false, null, false, true);
    }

    boolean isPoints() {
        return points != null;
    }

    boolean isSinglePoint() {
        return points != null && points.size() == 1;
    }

    /**
     * On an array field each side of a two-sided range may be met by a different element, so a multikey index cannot
     * serve it; a single comparison is met by one element, whose value then lies inside the type bracket too.
     */
    boolean isTwoSided() {
        return points == null && twoSided;
    }

    /** The interval of one comparison, bounded on its open side by the operand's type bracket. */
    static FieldConstraint comparison(String operator, Object operand) {
        boolean lower = operator.equals("$gt") || operator.equals("$gte");
        boolean inclusive = operator.endsWith("e");
        if (lower) {
            Bracket b = Bracket.of(operand);
            return new FieldConstraint(null, operand, inclusive, b.end, false, b.endExact);
        }
        Bracket b = Bracket.of(operand);
        return new FieldConstraint(null, b.start, false, operand, inclusive, b.startExact);
    }

    /**
     * What a multikey index may serve of this constraint. On an array field several predicates of one field may each be
     * met by a different element ({@code tags: "a"} and {@code tags: "b"} both hold for {@code ["a", "b"]}), so their
     * intersection would lose documents; one predicate alone is a superset, and the documents are checked anyway.
     */
    FieldConstraint onArrays() {
        return single != null ? single : this;
    }

    /** Both constraints at once (an interval with an interval, or points filtered by an interval). */
    FieldConstraint and(FieldConstraint other) {
        FieldConstraint both = intersection(other);
        FieldConstraint mine = onArrays();
        FieldConstraint theirs = other.onArrays();
        both.single = mine.isPoints() || !theirs.isPoints() ? mine : theirs; // points make the narrower range
        return both;
    }

    private FieldConstraint intersection(FieldConstraint other) {
        if (isPoints() && other.isPoints()) {
            List<Object> common = new ArrayList<>();
            for (Object p : points) if (other.points.stream().anyMatch(q -> ORDER.compare(p, q) == 0)) common.add(p);
            return new FieldConstraint(common, null, false, null, false, exact && other.exact);
        }
        if (isPoints() || other.isPoints()) {
            FieldConstraint pts = isPoints() ? this : other;
            FieldConstraint interval = isPoints() ? other : this;
            List<Object> inside = new ArrayList<>();
            for (Object p : pts.points) if (interval.contains(p)) inside.add(p);
            // a point outside the interval's type bracket would still be rejected by the matcher: keep it inexact
            return new FieldConstraint(inside, null, false, null, false, false);
        }
        Object lo = low;
        boolean loInc = lowInclusive;
        int c = ORDER.compare(other.low, low);
        if (c > 0 || (c == 0 && !other.lowInclusive)) {
            lo = other.low;
            loInc = other.lowInclusive;
        }
        Object hi = high;
        boolean hiInc = highInclusive;
        c = ORDER.compare(other.high, high);
        if (c < 0 || (c == 0 && !other.highInclusive)) {
            hi = other.high;
            hiInc = other.highInclusive;
        }
        return new FieldConstraint(null, lo, loInc, hi, hiInc, exact && other.exact, true);
    }

    private boolean contains(Object value) {
        int lo = ORDER.compare(value, low);
        int hi = ORDER.compare(value, high);
        return (lo > 0 || (lo == 0 && lowInclusive)) && (hi < 0 || (hi == 0 && highInclusive));
    }

    boolean isEmpty() {
        if (isPoints()) return points.isEmpty();
        int c = ORDER.compare(low, high);
        return c > 0 || (c == 0 && !(lowInclusive && highInclusive));
    }

    /** Where one BSON type starts and ends in the comparison order, as far as a sentinel can say it. */
    private record Bracket(Object start, boolean startExact, Object end, boolean endExact) {
        static Bracket of(Object operand) {
            // null and missing sort right below every number; "" is the smallest string
            if (operand instanceof Number) return new Bracket(null, true, "", true);
            // +Infinity is the largest number (only NaN sorts above it); an empty document is the smallest document
            if (operand instanceof String) return new Bracket(Double.POSITIVE_INFINITY, true, new Document(), true);
            // booleans come right before dates, timestamps right after
            if (operand instanceof Instant) return new Bracket(Boolean.TRUE, true, new BsonTimestamp(0), true);
            return new Bracket(MinKey.getInstance(), false, MaxKey.getInstance(), false);
        }
    }
}
