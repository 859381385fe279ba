package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * How MVStore orders and stores {@link IndexEntry} keys: component by component in MongoDB's BSON comparison order
 * (mongo-java-server's own {@link ValueComparator}, so the index sorts exactly as the stock engine's sort does), each
 * component reversed where the index key is descending, then the {@code _id}.
 */
final class IndexEntryType extends BasicDataType<IndexEntry> {
    private static final ValueComparator ORDER = ValueComparator.asc();
    private static final ValueComparator ORDER_NO_LISTS = ValueComparator.ascWithoutListHandling();
    private final boolean[] descending;

    IndexEntryType(boolean[] descending) {
        this.descending = descending.clone();
    }

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        return compareFrom(a, b, 0);
    }

    /**
     * The stock comparator treats an array as its smallest or largest element (MongoDB's sort rule), which is no
     * total order for keys: an empty array would equal nothing, not even itself. Arrays in keys (an empty array, an
     * array inside an array) compare element by element, then by length; every other value as the stock sort does.
     */
    static int compareValues(Object a, Object b) {
        // the common cases first, answered as the stock comparator answers them (it compares strings with
        // String.compareTo, same-typed ints and longs by value) without its search for the BSON type order
        if (a == b) return 0;
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        if (a instanceof Integer x && b instanceof Integer y) return Integer.compare(x, y);
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof java.util.List<?> x && b instanceof java.util.List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compareValues(x.get(i), y.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof java.util.List<?> || b instanceof java.util.List<?>) return ORDER_NO_LISTS.compare(a, b);
        if (a instanceof BsonRegularExpression x && b instanceof BsonRegularExpression y) {
            // the stock comparator has no order among regular expressions; MongoDB's: pattern, then options
            int c = x.getPattern().compareTo(y.getPattern());
            return c != 0 ? c : String.valueOf(x.getOptions()).compareTo(String.valueOf(y.getOptions()));
        }
        return ORDER.compare(a, b);
    }

    /** Order of entries by their components from {@code from} on, then {@code _id}: the merge order of {@code $in} ranges. */
    int compareFrom(IndexEntry a, IndexEntry b, int from) {
        for (int i = from; i < descending.length; i++) {
            int c = compareValues(a.values[i], b.values[i]);
            if (c != 0) return descending[i] ? -c : c;
        }
        return compareValues(a.id, b.id);
    }

    @Override
    public int getMemory(IndexEntry entry) {
        int memory = 24;
        for (Object value : entry.values) memory += KeyCodec.memory(value);
        return memory + KeyCodec.memory(entry.id);
    }

    @Override
    public void write(WriteBuffer buffer, IndexEntry entry) {
        buffer.putVarInt(entry.values.length);
        for (Object value : entry.values) KeyCodec.write(buffer, value);
        KeyCodec.write(buffer, entry.id);
    }

    @Override
    public IndexEntry read(ByteBuffer buffer) {
        int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
        Object[] values = new Object[length];
        for (int i = 0; i < length; i++) values[i] = KeyCodec.read(buffer);
        return new IndexEntry(values, KeyCodec.read(buffer));
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexEntryType other && java.util.Arrays.equals(descending, other.descending);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(descending);
    }
}
