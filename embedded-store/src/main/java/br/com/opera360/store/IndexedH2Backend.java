package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/** The embedded read-model store's backend: mongo-java-server's H2 backend with real secondary indexes. */
public class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the store file. */
    public static IndexedH2Backend open(Path file) {
        return new IndexedH2Backend(new MVStore.Builder().fileName(file.toString()).open());
    }

    /** A store that lives in memory only (tests). */
    public static IndexedH2Backend inMemoryStore() {
        return new IndexedH2Backend(new MVStore.Builder().open());
    }
}
