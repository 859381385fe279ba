package br.com.opera360.store;

import java.util.List;

/**
 * How one query reads a collection: which index (none: the collection in {@code _id} order), which key ranges of it in
 * storage order, in which direction, whether the ranges must be merged to keep the sort (an {@code $in} before the
 * sorted key), and how much of the filter the index already decided.
 *
 * @param mergeFrom    -1 when the ranges are read one after the other; otherwise the first key component the merge compares
 * @param exact        the ranges express the whole filter: no document needs checking
 * @param covered      the whole filter reads only indexed fields, so it is evaluated on index keys before any document is read
 * @param sortProvided documents leave in the requested order without sorting
 * @param dedupe       a document may be met more than once (multikey entries, overlapping {@code $or} ranges)
 */
record Plan(OrderedIndex index, List<Range> ranges, boolean reverse, int mergeFrom, boolean exact, boolean covered,
            boolean sortProvided, boolean naturalReverse, boolean dedupe) {

    record Range(IndexEntry low, IndexEntry high) {
    }

    static Plan collectionScan(boolean naturalReverse) {
        return new Plan(null, List.of(), false, -1, false, false, false, naturalReverse, false);
    }

    boolean usesIndex() {
        return index != null;
    }

    String describe() {
        return index == null ? "COLLSCAN" : "IXSCAN " + index.getName() + (reverse ? " backward" : "")
                + " ranges=" + ranges.size() + (exact ? " exact" : covered ? " covered" : "")
                + (sortProvided ? " sorted" : "") + (dedupe ? " dedupe" : "");
    }
}
