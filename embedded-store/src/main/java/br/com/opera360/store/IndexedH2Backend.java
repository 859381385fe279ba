package br.com.opera360.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded read-model store: mongo-java-server's H2 backend (the wire protocol, the matcher, updates, aggregation
 * stages) with every index persisted and used: finds, counts, distinct, {@code $match}-first aggregations and the
 * stock update/delete paths are planned on B-tree indexes, results stream from a snapshot in batches, and idle cursors
 * and TTL-expired documents are reaped in the background. After an unclean stop, indexes are checked against the
 * documents (and rebuilt where they disagree) before the constructor returns, so before any client can connect.
 */
public class IndexedH2Backend extends H2Backend {
    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);
    private static final String FLAGS_MAP = "opera360.store";
    private static final String OPEN_FLAG = "open";
    public static final int DEFAULT_CACHE_MB = 64;

    /** Assigned lazily: H2Backend opens the existing databases from its own constructor. */
    private StoreContext context;
    private ScheduledExecutorService housekeeping;
    private final Clock clock;

    public IndexedH2Backend(MVStore store) {
        this(store, Clock.systemUTC());
    }

    /** The clock decides what TTL indexes have expired: the application's own, so that its notion of now holds. */
    public IndexedH2Backend(MVStore store, Clock clock) {
        this(store, clock, OpenCursors.IDLE_LIMIT);
    }

    IndexedH2Backend(MVStore store, Clock clock, Duration idleCursorLimit) {
        super(store, clock);
        this.clock = clock;
        StoreContext context = context(idleCursorLimit);
        boolean unclean = Boolean.TRUE.equals(context.flags().get(OPEN_FLAG));
        if (unclean) repairIndexes();
        context.flags().put(OPEN_FLAG, Boolean.TRUE);
        store.commit();
        housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::reapCursors, 10, 10, TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(this::expireDocuments, 60, 60, TimeUnit.SECONDS);
    }

    /** Opens (or creates) the store file. */
    public static IndexedH2Backend open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static IndexedH2Backend open(Path file, Clock clock) {
        return open(file, clock, DEFAULT_CACHE_MB);
    }

    /**
     * With MVStore's page cache of {@code cacheMb} megabytes (its own default is 16): the indexes' inner pages and the
     * leaves being written stay decoded in memory, which keeps inserts into large indexes from re-reading pages.
     */
    public static IndexedH2Backend open(Path file, Clock clock, int cacheMb) {
        return new IndexedH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open(), clock);
    }

    /** A store that lives in memory only (tests). */
    public static IndexedH2Backend inMemoryStore() {
        return new IndexedH2Backend(new MVStore.Builder().open());
    }

    private StoreContext context(Duration idleCursorLimit) {
        if (context == null) {
            MVStore store = getMvStore();
            Map<String, Object> flags = store.openMap(FLAGS_MAP);
            context = new StoreContext(store, flags, new Fallbacks(), new OpenCursors(getCursorRegistry(), idleCursorLimit),
                    getCursorRegistry());
        }
        return context;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, context(OpenCursors.IDLE_LIMIT));
    }

    /** Queries the indexes did not serve (see {@link Fallbacks}). */
    public Fallbacks fallbacks() {
        return context.fallbacks();
    }

    public long fallbackCount() {
        return context.fallbacks().total();
    }

    /** Streaming cursors still open. */
    public int openCursors() {
        return context.cursors().size();
    }

    /** Every index compared with the entries its collection's documents give; empty when they all agree. */
    public List<String> verifyIndexes() {
        List<String> problems = new ArrayList<>();
        for (IndexedH2Database database : databases()) {
            for (IndexedCollection collection : database.collections()) {
                for (OrderedIndex index : collection.indexes()) problems.addAll(collection.verify(index));
            }
        }
        return problems;
    }

    private void repairIndexes() {
        log.warn("The read-model store was not closed cleanly: checking its indexes against the documents");
        long started = System.nanoTime();
        int rebuilt = 0;
        for (IndexedH2Database database : databases()) {
            for (IndexedCollection collection : database.collections()) {
                for (OrderedIndex index : collection.indexes()) {
                    List<String> problems = collection.verify(index);
                    if (problems.isEmpty()) continue;
                    log.warn("Rebuilding index {} of {}: {}", index.getName(), collection.getFullName(), problems.get(0));
                    collection.rebuild(index);
                    rebuilt++;
                }
            }
        }
        getMvStore().commit();
        log.info("Index check done in {} ms, {} index(es) rebuilt", (System.nanoTime() - started) / 1_000_000, rebuilt);
    }

    private List<IndexedH2Database> databases() {
        List<IndexedH2Database> result = new ArrayList<>();
        for (String name : listDatabaseNames()) {
            if (resolveDatabase(name) instanceof IndexedH2Database database) result.add(database);
        }
        return result;
    }

    void reapCursors() {
        try {
            context.cursors().reap();
        } catch (RuntimeException e) {
            log.warn("Cursor reaper failed", e);
        }
    }

    void expireDocuments() {
        try {
            for (IndexedH2Database database : databases()) database.expireDocuments(clock.instant());
        } catch (RuntimeException e) {
            log.warn("TTL reaper failed", e);
        }
    }

    @Override
    protected Document handleKillCursors(Document query) {
        Document answer = super.handleKillCursors(query);
        if (query.get("cursors") instanceof List<?> ids) {
            for (Object id : ids) if (id instanceof Number n) context.cursors().kill(n.longValue());
        }
        return answer;
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        super.closeCursors(cursorIds);
        cursorIds.forEach(context.cursors()::kill);
    }

    @Override
    public void close() {
        if (housekeeping != null) housekeeping.shutdownNow();
        context.flags().put(OPEN_FLAG, Boolean.FALSE);
        super.close();
    }
}
