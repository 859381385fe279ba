package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Aggregation pipelines the store recognises by shape, to answer them from the index. */
final class PipelineShapes {
    private PipelineShapes() {
    }

    interface Counter {
        int count(Document filter, int skip, int limit);
    }

    /**
     * The MongoDB drivers send {@code countDocuments} as {@code $match}, optional {@code $skip}/{@code $limit}, then
     * {@code $group: {_id: 1, n: {$sum: 1}}}; such a pipeline is a count. Null for any other pipeline.
     */
    static Long countOf(List<Document> pipeline, Counter counter) {
        if (pipeline.size() < 2 || !(pipeline.get(0).get("$match") instanceof Document filter)) return null;
        int skip = 0, limit = 0, at = 1;
        if (at < pipeline.size() - 1 && pipeline.get(at).get("$skip") instanceof Number n) {
            skip = n.intValue();
            at++;
        }
        if (at < pipeline.size() - 1 && pipeline.get(at).get("$limit") instanceof Number n) {
            limit = n.intValue();
            at++;
        }
        if (at != pipeline.size() - 1 || !(pipeline.get(at).get("$group") instanceof Document group)) return null;
        if (group.size() != 2 || !(group.get("_id") instanceof Number)) return null;
        for (Map.Entry<String, Object> e : group.entrySet()) {
            if (e.getKey().equals("_id")) continue;
            if (!(e.getValue() instanceof Document acc) || acc.size() != 1 || !(acc.get("$sum") instanceof Number one)
                    || one.intValue() != 1) return null;
        }
        if (pipeline.get(0).size() != 1) return null;
        return (long) counter.count(filter, skip, limit);
    }

    /** The document fields a {@code $group} stage reads, or null when it is not a {@code $group} or reads whole documents. */
    static Set<String> groupFields(Document stage) {
        if (!(stage.get("$group") instanceof Document group)) return null;
        Set<String> fields = new HashSet<>();
        return collect(group, fields) ? fields : null;
    }

    private static boolean collect(Object expression, Set<String> fields) {
        if (expression instanceof String s && s.startsWith("$")) {
            if (s.startsWith("$$")) return false;            // $$ROOT, $$CURRENT: the whole document
            fields.add(s.substring(1));
        } else if (expression instanceof Document d) {
            for (Object value : d.values()) if (!collect(value, fields)) return false;
        } else if (expression instanceof List<?> list) {
            for (Object value : list) if (!collect(value, fields)) return false;
        }
        return true;
    }
}
