package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code $group} with {@code _id: null} whose accumulators are all {@code $sum} of a constant or of a field, added up
 * straight from index entries, without building a document per entry. The sums follow the stock
 * {@code SumAccumulator} exactly (an int stays an int until it overflows or meets a long; anything else goes through
 * the stock {@code NumericUtils.addNumbers}), so the answer is the one the stock stage would give.
 */
final class KeySums {
    /** One accumulator: {@code field: {$sum: constant}} or {@code field: {$sum: "$path"}}. */
    record Sum(String field, Number constant, String path) {
    }

    private final List<Sum> sums;
    private final int[] positions;            // index of the path in the entry's values; -1 for _id, -2 for a constant
    private final long[] integral;
    private final boolean[] isLong;
    private final Number[] general;           // the running sum once a non-integral number came
    private long seen;

    private KeySums(List<Sum> sums, String[] indexPaths) {
        this.sums = sums;
        this.positions = new int[sums.size()];
        List<String> paths = List.of(indexPaths);
        for (int i = 0; i < sums.size(); i++) {
            Sum sum = sums.get(i);
            positions[i] = sum.path() == null ? -2 : paths.contains(sum.path()) ? paths.indexOf(sum.path()) : -1;
        }
        this.integral = new long[sums.size()];
        this.isLong = new boolean[sums.size()];
        this.general = new Number[sums.size()];
    }

    /**
     * The accumulators of a pipeline that is exactly {@code $match} then such a {@code $group}; null for any other
     * pipeline (which then runs through the stock stages).
     */
    static List<Sum> shapeOf(List<Document> pipeline) {
        if (pipeline.size() != 2 || pipeline.get(1).size() != 1 || !(pipeline.get(1).get("$group") instanceof Document group)) return null;
        if (!group.containsKey("_id") || group.get("_id") != null) return null;
        List<Sum> sums = new ArrayList<>();
        for (Map.Entry<String, Object> e : group.entrySet()) {
            if (e.getKey().equals("_id")) continue;
            if (!(e.getValue() instanceof Document accumulator) || accumulator.size() != 1) return null;
            Object operand = accumulator.get("$sum");
            if (operand instanceof Number constant) sums.add(new Sum(e.getKey(), constant, null));
            else if (operand instanceof String s && s.startsWith("$") && !s.startsWith("$$") && s.length() > 1) {
                sums.add(new Sum(e.getKey(), null, s.substring(1)));
            } else return null;
        }
        return sums;
    }

    static List<String> paths(List<Sum> sums) {
        return sums.stream().map(Sum::path).filter(p -> p != null).toList();
    }

    static KeySums over(List<Sum> sums, String[] indexPaths) {
        return new KeySums(sums, indexPaths);
    }

    void add(IndexEntry entry) {
        seen++;
        for (int i = 0; i < positions.length; i++) {
            Object value = positions[i] == -2 ? sums.get(i).constant() : positions[i] == -1 ? entry.id : entry.values[positions[i]];
            if (!(value instanceof Number number)) continue;
            if (general[i] != null) {
                general[i] = NumericUtils.addNumbers(general[i], number);
            } else if (number instanceof Integer || number instanceof Long) {
                integral[i] += number.longValue();
                if (number instanceof Long || (int) integral[i] != integral[i]) isLong[i] = true;
            } else {
                general[i] = NumericUtils.addNumbers(current(i), number);
            }
        }
    }

    private Number current(int i) {
        if (general[i] != null) return general[i];
        return isLong[i] ? (Number) integral[i] : (Number) (int) integral[i];
    }

    /** The stage's answer: one document, or none when no entry matched. */
    List<Document> result() {
        if (seen == 0) return List.of();
        Document document = new Document("_id", null);
        for (int i = 0; i < sums.size(); i++) document.put(sums.get(i).field(), current(i));
        return List.of(document);
    }
}
