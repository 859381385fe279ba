package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One consistent view of a collection: the roots of its document map and of every index map, taken together while no
 * write of that collection is half done. MVStore's pages are copy-on-write, so a root keeps reading the state it saw;
 * the registered version usage keeps the store from reusing the file chunks those pages live in until it is closed.
 */
final class Snapshot implements AutoCloseable {
    private final MVStore store;
    private final MVMap<Object, Object> data;
    private final RootReference<Object, Object> dataRoot;
    private final Map<OrderedIndex, RootReference<IndexEntry, byte[]>> indexRoots = new IdentityHashMap<>();
    private MVStore.TxCounter usage;

    Snapshot(MVStore store, MVMap<Object, Object> data, List<OrderedIndex> indexes) {
        this.store = store;
        this.usage = store.registerVersionUsage();
        this.data = data;
        this.dataRoot = data.getRoot();
        for (OrderedIndex index : indexes) indexRoots.put(index, index.root());
    }

    Document document(Object id) {
        return StoredDocument.of(data.get(dataRoot.root, Missing.ofNullable(id)));
    }

    /** Every document, in id order (or reversed), each decoded as it is reached. */
    Iterator<Document> documents(boolean reverse) {
        org.h2.mvstore.Cursor<Object, Object> cursor = data.cursor(dataRoot, null, null, reverse);
        // the cursor hands out keys (ids); the value is the one it has just reached
        return new MappedIterator<>(cursor, id -> StoredDocument.of(cursor.getValue()));
    }

    long documentCount() {
        return dataRoot.getTotalCount();
    }

    RootReference<IndexEntry, byte[]> root(OrderedIndex index) {
        return indexRoots.get(index);
    }

    @Override
    public synchronized void close() {
        if (usage != null) {
            store.deregisterVersionUsage(usage);
            usage = null;
        }
    }
}
