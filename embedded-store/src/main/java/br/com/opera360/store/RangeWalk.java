package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.RootReference;
import org.h2.mvstore.SnapshotPositions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Walks a plan's key ranges in its snapshot: one range after the other, or merged in sort order when an {@code $in}
 * precedes the sorted key; from a position in the counted B-tree; counted by positions alone.
 */
final class RangeWalk {
    private final Plan plan;
    private final Snapshot snapshot;

    RangeWalk(Plan plan, Snapshot snapshot) {
        this.plan = plan;
        this.snapshot = snapshot;
    }

    /** Entries in the ranges, by position only: right when the ranges are disjoint and hold each document once. */
    long count() {
        RootReference<IndexEntry, byte[]> root = snapshot.root(plan.index());
        long total = 0;
        for (Plan.Range range : plan.ranges()) total += size(root, range);
        return total;
    }

    Iterator<IndexEntry> entries() {
        RootReference<IndexEntry, byte[]> root = snapshot.root(plan.index());
        List<Plan.Range> ranges = new ArrayList<>(plan.ranges());
        if (plan.reverse()) Collections.reverse(ranges);
        List<Iterator<IndexEntry>> cursors = new ArrayList<>(ranges.size());
        for (Plan.Range range : ranges) cursors.add(rangeCursor(root, range, null, size(root, range)));
        if (plan.mergeFrom() < 0) return concat(cursors);
        return merge(cursors);
    }

    Iterator<IndexEntry> entriesFrom(int skip) {
        RootReference<IndexEntry, byte[]> root = snapshot.root(plan.index());
        Plan.Range range = plan.ranges().get(0);
        long low = insertionPoint(root, range.low()), high = insertionPoint(root, range.high());
        if (skip >= high - low) return Collections.emptyIterator();
        IndexEntry start = SnapshotPositions.keyAt(root, plan.reverse() ? high - 1 - skip : low + skip);
        return rangeCursor(root, range, start, high - low - skip);
    }

    /** How many entries a range holds, by positions alone (0 for an empty interval, whose low bound is after its high one). */
    private static long size(RootReference<IndexEntry, byte[]> root, Plan.Range range) {
        return Math.max(0, insertionPoint(root, range.high()) - insertionPoint(root, range.low()));
    }

    /**
     * {@code size} entries of the range from {@code start} (or its first one): the counted B-tree gives the range's size
     * in two descents, so the cursor runs without an end key, which MVStore would otherwise compare with every entry
     * it passes (most of a long range walk's time, e.g. the summary's sums).
     */
    private Iterator<IndexEntry> rangeCursor(RootReference<IndexEntry, byte[]> root, Plan.Range range, IndexEntry start, long size) {
        if (size <= 0) return Collections.emptyIterator();
        IndexEntry from = start != null ? start : plan.reverse() ? range.high() : range.low();
        Iterator<IndexEntry> cursor = plan.index().entries().cursor(root, from, null, plan.reverse());
        return new Iterator<>() {
            private long left = size;

            @Override
            public boolean hasNext() {
                return left > 0 && cursor.hasNext();
            }

            @Override
            public IndexEntry next() {
                if (!hasNext()) throw new NoSuchElementException();
                left--;
                return cursor.next();
            }
        };
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
    Document keysAsDocument(IndexEntry entry) {
        Document keys = new Document();
        String[] paths = plan.index().paths();
        for (int i = 0; i < paths.length; i++) {
            if (!(entry.values[i] instanceof Missing)) Utils.changeSubdocumentValue(keys, paths[i], entry.values[i]);
        }
        if (!keys.containsKey(OrderedIndex.ID_FIELD)) keys.put(OrderedIndex.ID_FIELD, entry.id);
        return keys;
    }

}
