package org.h2.mvstore;

/**
 * Positions in a captured MVStore root (a snapshot), which the public {@code MVMap#getKeyIndex}/{@code getKey(long)}
 * only offer for the map's current root. MVStore's B-tree is counted (each inner page knows its children's totals), so
 * both walks cost O(log n). This is the one class of our embedded store inside H2's package (H2 2.3.232, pinned by
 * Spring Boot's dependency management): {@code Page#binarySearch} and {@code Page#getCounts} are package-private.
 * The two methods follow {@code MVMap#getKeyIndex} and {@code MVMap#getKey(long)} of that version.
 */
public final class SnapshotPositions {
    private SnapshotPositions() {
    }

    /** The index of {@code key} in the snapshot, or {@code -(insertion point) - 1} when it is absent. */
    public static <K, V> long keyIndex(RootReference<K, V> root, K key) {
        Page<K, V> p = root.root;
        if (p.getTotalCount() == 0) return -1;
        long offset = 0;
        while (true) {
            int x = p.binarySearch(key);
            if (p.isLeaf()) {
                if (x < 0) offset = -offset;
                return offset + x;
            }
            if (x++ < 0) x = -x;
            for (int i = 0; i < x; i++) offset += p.getCounts(i);
            p = p.getChildPage(x);
        }
    }

    /** The key at {@code index} in the snapshot, or null beyond its ends. */
    public static <K, V> K keyAt(RootReference<K, V> root, long index) {
        Page<K, V> p = root.root;
        if (index < 0 || index >= p.getTotalCount()) return null;
        long offset = 0;
        while (true) {
            if (p.isLeaf()) {
                return index >= offset + p.getKeyCount() ? null : p.getKey((int) (index - offset));
            }
            int i = 0, size = p.getRawChildPageCount();
            for (; i < size; i++) {
                long c = p.getCounts(i);
                if (index < c + offset) break;
                offset += c;
            }
            if (i == size) return null;
            p = p.getChildPage(i);
        }
    }

    /** Number of keys in the snapshot. */
    public static long size(RootReference<?, ?> root) {
        return root.root.getTotalCount();
    }
}
