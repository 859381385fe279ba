package br.com.opera360.store;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which find queries the planner must serve from an index (the subset for which {@code fallbackCount()} must stay 0).
 *
 * <p><b>Indexable shape</b> (deliberately conservative; adjust here if the planner does more or less):
 * <ol>
 *   <li>the filter is a plain conjunction of top-level field conditions (no {@code $or}, {@code $and}, {@code $not},
 *       {@code $ne}, {@code $nin}, {@code $exists}, {@code $regex});</li>
 *   <li>for some index {@code (k1, ..., km)} (including the implicit {@code _id} index) the filtered fields are exactly
 *       {@code k1..kp}: equality ({@code v} or {@code {$eq: v}}) or {@code $in} on {@code k1..k(p-1)}, and on {@code kp}
 *       equality, {@code $in} or one range ({@code $gt/$gte} and/or {@code $lt/$lte});</li>
 *   <li>no {@code null} among the compared values (equality on null also matches missing fields);</li>
 *   <li>no sort, or a sort whose keys are consecutive index keys {@code k(a+1)..k(a+r)} starting at or before the first
 *       non-equality key, all in the index direction or all reversed, and then only when no {@code $in} is used
 *       ({@code $in} plus sort needs a merge of several index ranges);</li>
 *   <li>any skip, limit, projection or batch size.</li>
 * </ol>
 * A filter with no condition at all is not counted (a collection scan is the right plan for it).
 *
 * <p><b>Multikey indexes</b> (here: those with the array field {@code tags}): following the planner's documented design
 * (OrderedIndex: a multikey index "can no longer serve sorts or two-sided ranges"), a query is indexable on them only
 * without a sort and with at most a one-sided range.
 */
final class IndexableShapes {

    /** An index as a list of keys with directions, in key order. */
    record IndexSpec(String name, Document keys, boolean unique) {
        List<String> fields() {
            return new ArrayList<>(keys.keySet());
        }

        int direction(String field) {
            return ((Number) keys.get(field)).intValue();
        }

        /** Whether documents hold arrays under one of the keys (only {@code tags} does in the generated data). */
        boolean multikey() {
            return keys.containsKey("tags");
        }
    }

    private IndexableShapes() {
    }

    /** The index that makes this query indexable, if any. */
    static Optional<IndexSpec> servingIndex(Document filter, Document sort, Collection<IndexSpec> indexes) {
        if (filter.isEmpty()) {
            return Optional.empty();
        }
        for (IndexSpec index : indexes) {
            if (serves(index, filter, sort)) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    private static boolean serves(IndexSpec index, Document filter, Document sort) {
        List<String> keys = index.fields();
        int p = filter.size();
        if (p > keys.size()) {
            return false;
        }
        int equalityPrefix = 0;
        boolean usesIn = false;
        for (int i = 0; i < p; i++) {
            String key = keys.get(i);
            if (!filter.containsKey(key)) {
                return false;
            }
            Kind kind = kind(filter.get(key));
            if (kind == Kind.OTHER) {
                return false;
            }
            if (kind == Kind.RANGE && i != p - 1) {
                return false;
            }
            if (kind == Kind.RANGE && index.multikey() && isTwoSided((Document) filter.get(key))) {
                return false;
            }
            if (kind == Kind.IN) {
                usesIn = true;
            }
            if (kind == Kind.EQ && equalityPrefix == i) {
                equalityPrefix++;
            }
        }
        if (sort == null || sort.isEmpty()) {
            return true;
        }
        if (usesIn || index.multikey()) {
            return false;
        }
        List<String> sortKeys = new ArrayList<>(sort.keySet());
        int firstNonEquality = equalityPrefix; // index position of the first key that is not fixed by an equality
        for (int a = 0; a <= firstNonEquality; a++) {
            if (a + sortKeys.size() > keys.size()) {
                break;
            }
            Integer sign = null;
            boolean ok = true;
            for (int j = 0; j < sortKeys.size() && ok; j++) {
                String key = keys.get(a + j);
                if (!key.equals(sortKeys.get(j))) {
                    ok = false;
                    break;
                }
                int s = ((Number) sort.get(key)).intValue() * index.direction(key);
                if (sign == null) {
                    sign = s;
                } else if (sign != s) {
                    ok = false;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTwoSided(Document range) {
        return (range.containsKey("$gt") || range.containsKey("$gte")) && (range.containsKey("$lt") || range.containsKey("$lte"));
    }

    private enum Kind { EQ, IN, RANGE, OTHER }

    private static Kind kind(Object condition) {
        if (condition == null || condition instanceof org.bson.BsonRegularExpression || condition instanceof List) {
            return Kind.OTHER;
        }
        if (!(condition instanceof Document)) {
            return Kind.EQ;
        }
        Document d = (Document) condition;
        if (d.isEmpty()) {
            return Kind.OTHER;
        }
        if (d.size() == 1 && d.containsKey("$eq")) {
            Object v = d.get("$eq");
            return v == null || v instanceof Document || v instanceof List ? Kind.OTHER : Kind.EQ;
        }
        if (d.size() == 1 && d.containsKey("$in")) {
            List<?> values = (List<?>) d.get("$in");
            return values.stream().anyMatch(v -> v == null || v instanceof Document || v instanceof List) ? Kind.OTHER : Kind.IN;
        }
        boolean lower = false;
        boolean upper = false;
        for (Map.Entry<String, Object> e : d.entrySet()) {
            if (e.getValue() == null || e.getValue() instanceof Document || e.getValue() instanceof List) {
                return Kind.OTHER;
            }
            switch (e.getKey()) {
                case "$gt", "$gte" -> {
                    if (lower) {
                        return Kind.OTHER;
                    }
                    lower = true;
                }
                case "$lt", "$lte" -> {
                    if (upper) {
                        return Kind.OTHER;
                    }
                    upper = true;
                }
                default -> {
                    return Kind.OTHER;
                }
            }
        }
        return Kind.RANGE;
    }
}
