package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import org.h2.mvstore.MVStore;

import java.util.Map;

/** What every database and collection of one store shares: the MVStore, its flags map, the fallback log and the open cursors. */
record StoreContext(MVStore store, Map<String, Object> flags, Fallbacks fallbacks, OpenCursors cursors,
                    CursorRegistry registry) {
}
