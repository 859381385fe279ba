package br.com.opera360.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;
import org.h2.mvstore.type.ByteArrayDataType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

// Over 200 lines because: the stock Index contract (entries on every write, unique checks, multikey, range walks,
// counts) over one MVStore map must agree on one key layout; reading key values from documents is KeyPaths' job.
/**
 * A persisted B-tree index over one or more document fields, unique or not, in MongoDB's comparison order. Entries are
 * {@code (values…, _id)} in an MVStore map of the same store as the documents, so they reach the file in the same
 * commits. An array in an indexed field is indexed per element, as MongoDB does; the index then remembers that it is
 * multikey, which tells the planner it can no longer serve sorts or two-sided ranges.
 */
final class OrderedIndex extends Index<Object> {
    static final String ID_FIELD = "_id";
    private static final byte[] PRESENT = new byte[0];

    private final MVStore store;
    private final MVMap<IndexEntry, byte[]> entries;
    private final Map<String, Object> flags;
    private final KeyPaths keyPaths;
    private final String[] paths;
    private final boolean[] descending;
    private final boolean unique;
    private volatile boolean multikey;

    OrderedIndex(MVStore store, String mapName, Map<String, Object> flags, String name, List<IndexKey> keys,
                 boolean unique, boolean sparse) {
        super(name, keys, sparse);
        this.store = store;
        this.flags = flags;
        this.keyPaths = new KeyPaths(keys.stream().map(IndexKey::getKey).toArray(String[]::new));
        this.paths = keyPaths.paths();
        this.descending = new boolean[paths.length];
        for (int i = 0; i < paths.length; i++) descending[i] = !keys.get(i).isAscending();
        this.unique = unique;
        this.entries = store.openMap(mapName, new MVMap.Builder<IndexEntry, byte[]>()
                .keyType(new IndexEntryType(descending)).valueType(ByteArrayDataType.INSTANCE));
        this.multikey = Boolean.TRUE.equals(flags.get(multikeyFlag()));
    }

    String[] paths() {
        return paths;
    }

    boolean descending(int key) {
        return descending[key];
    }

    boolean isMultikey() {
        return multikey;
    }

    boolean sparse() {
        return isSparse();
    }

    MVMap<IndexEntry, byte[]> entries() {
        return entries;
    }

    RootReference<IndexEntry, byte[]> root() {
        return entries.getRoot();
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return super.hasSameOptions(other) && other.isUnique() == unique;
    }

    /** The entries a document gives this index: one, or one per element of the array in an indexed field. */
    List<IndexEntry> entriesOf(Document document) {
        Object id = document.getOrMissing(ID_FIELD);
        Object[] values = new Object[paths.length];
        int arrayAt = -1;
        boolean anyValue = false;
        for (int i = 0; i < paths.length; i++) {
            Object value = keyPaths.valueAt(document, i);
            if (value instanceof Collection<?>) {
                if (arrayAt >= 0) throw new CannotIndexParallelArraysError(List.of(paths[arrayAt], paths[i]));
                arrayAt = i;
            }
            anyValue |= !(value instanceof Missing);
            values[i] = value;
        }
        if (!anyValue && isSparse()) return List.of();
        if (arrayAt < 0) return List.of(new IndexEntry(values, id));
        markMultikey();
        Collection<?> elements = (Collection<?>) values[arrayAt];
        if (elements.isEmpty()) {
            values[arrayAt] = List.of();          // an empty array is one key of its own, as in MongoDB
            return List.of(new IndexEntry(values, id));
        }
        // one entry per distinct element: [a, a] is one key, as the B-tree keeps it
        java.util.TreeSet<IndexEntry> result = new java.util.TreeSet<>(entries.getKeyType()::compare);
        for (Object element : elements) {
            Object[] copy = values.clone();
            copy[arrayAt] = element;
            result.add(new IndexEntry(copy, id));
        }
        return new ArrayList<>(result);
    }

    private void markMultikey() {
        if (!multikey) {
            multikey = true;
            flags.put(multikeyFlag(), Boolean.TRUE);
        }
    }

    private String multikeyFlag() {
        return entries.getName() + ".multikey";
    }

    /** The first entry holding exactly these values, whatever its {@code _id}; null when there is none. */
    private IndexEntry firstWithValues(Object[] values) {
        Object[] low = values.clone();
        IndexEntry from = new IndexEntry(low, MinKey.getInstance());
        IndexEntry found = entries.ceilingKey(from);
        if (found == null) return null;
        IndexEntry to = new IndexEntry(values, MaxKey.getInstance());
        return entries.getKeyType().compare(found, to) <= 0 ? found : null;
    }

    private static boolean sameId(Object a, Object b) {
        return ValueComparator.asc().compare(a, b) == 0;
    }

    @Override
    public Object getPosition(Document document) {
        for (IndexEntry entry : entriesOf(document)) {
            if (entries.containsKey(entry)) return entry.id;
        }
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        if (!unique) return;
        // the document is not in the index yet: any entry with its values belongs to another document
        for (IndexEntry entry : entriesOf(document)) {
            if (firstWithValues(entry.values) != null) {
                throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(entry.values));
            }
        }
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        // the stock collection calls checkAdd before it stores the document; a rebuild adds documents already stored
        for (IndexEntry entry : entriesOf(document)) entries.put(entry, PRESENT);
    }

    @Override
    public Object remove(Document document) {
        Object position = null;
        for (IndexEntry entry : entriesOf(document)) {
            if (entries.remove(entry) != null) position = entry.id;
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        if (!unique) return;
        Object id = oldDocument.getOrMissing(ID_FIELD);
        for (IndexEntry entry : entriesOf(newDocument)) {
            IndexEntry existing = firstWithValues(entry.values);
            if (existing != null && !sameId(existing.id, id)) {
                throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(entry.values));
            }
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        List<IndexEntry> before = entriesOf(oldDocument);
        List<IndexEntry> after = entriesOf(newDocument);
        if (before.equals(after)) return;
        for (IndexEntry entry : before) entries.remove(entry);
        for (IndexEntry entry : after) entries.put(entry, PRESENT);
    }

    /** Planned by {@link QueryPlanner}; the stock per-index lookup is never asked. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new IllegalStateException("Queries on " + getName() + " go through the planner");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        flags.remove(multikeyFlag());
        store.removeMap(entries);
    }

    /** Empties the index before a rebuild. */
    void clear() {
        entries.clear();
    }
}
