package br.com.opera360.store;

import java.util.Arrays;

/**
 * One entry of an {@link OrderedIndex}: the indexed values of a document, in the index's key order, and the document's
 * {@code _id} as the tiebreak that makes entries of a non-unique index distinct. Bounds of a range scan are entries too,
 * built from MinKey/MaxKey sentinels.
 */
final class IndexEntry {
    final Object[] values;
    final Object id;

    IndexEntry(Object[] values, Object id) {
        this.values = values;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexEntry other && Arrays.equals(values, other.values) && java.util.Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + java.util.Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return Arrays.toString(values) + "@" + id;
    }
}
