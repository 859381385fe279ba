package br.com.opera360.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Queries the indexes did not serve: one that read more than skip + limit + 100 documents it did not return, or a
 * count that had to read documents. Each shape is logged once at WARN (it names a missing index); every occurrence is
 * counted, and a listener (the application's Micrometer counter) hears each one.
 */
public final class Fallbacks {
    private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

    /** Hears each fallback: the collection and the query's shape. */
    public interface Listener {
        void fallback(String collection, String shape);
    }

    private final Map<String, LongAdder> byShape = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private volatile Listener listener = (collection, shape) -> { };

    void record(String collection, String shape, String detail) {
        total.incrementAndGet();
        String key = collection + " " + shape;
        byShape.computeIfAbsent(key, k -> {
            log.warn("Query not served by an index on {} ({}): {}", collection, detail, shape);
            return new LongAdder();
        }).increment();
        listener.fallback(collection, shape);
    }

    public long total() {
        return total.get();
    }

    /** Occurrences per "collection shape". */
    public Map<String, Long> byShape() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        byShape.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public void listen(Listener listener) {
        this.listener = listener;
    }
}
