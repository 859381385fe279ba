package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streaming cursors a client has not finished: registered with the stock registry (which serves getMore) and kept
 * here too, so that a killed, exhausted or idle cursor gives its snapshot back. Idle ones are dropped after 10 minutes,
 * as MongoDB does.
 */
final class OpenCursors {
    private static final Logger log = LoggerFactory.getLogger(OpenCursors.class);
    static final Duration IDLE_LIMIT = Duration.ofMinutes(10);

    private final Map<Long, StreamingCursor> open = new ConcurrentHashMap<>();
    private final CursorRegistry registry;
    private final Duration idleLimit;

    OpenCursors(CursorRegistry registry, Duration idleLimit) {
        this.registry = registry;
        this.idleLimit = idleLimit;
    }

    StreamingCursor open(StreamingCursor.ResultStream results) {
        StreamingCursor cursor = new StreamingCursor(registry.generateCursorId(), results);
        open.put(cursor.getId(), cursor);
        results.afterClose(() -> open.remove(cursor.getId()));
        registry.add(cursor);
        return cursor;
    }

    void kill(long id) {
        StreamingCursor cursor = open.remove(id);
        if (cursor != null) cursor.close();
    }

    /** Drops idle cursors and forgets the ones the stock registry no longer knows (finished or killed). */
    void reap() {
        long limit = idleLimit.toNanos();
        for (StreamingCursor cursor : open.values()) {
            boolean registered = isRegistered(cursor.getId());
            if (!registered || cursor.idleNanos() > limit) {
                if (registered) {
                    registry.remove(cursor.getId());
                    log.info("Closed cursor {} after {} idle", cursor.getId(), idleLimit);
                }
                open.remove(cursor.getId());
                cursor.close();
            }
        }
    }

    int size() {
        return open.size();
    }

    private boolean isRegistered(long id) {
        try {
            registry.getCursor(id);
            return true;
        } catch (RuntimeException notFound) {
            return false;
        }
    }
}
