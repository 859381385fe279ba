package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rest of a query's result, read from its snapshot batch by batch as {@code getMore} asks: nothing is held in
 * memory beyond the batch, and no lock between batches. It closes its snapshot when it runs dry, is killed, or idles
 * past the reaper's limit.
 */
final class StreamingCursor extends AbstractCursor {
    /** Upper bound of one batch when the client names none (MongoDB bounds a batch at 16 MB). */
    static final int DEFAULT_BATCH = 5_000;

    private final ResultStream results;
    private volatile long lastUsedNanos = System.nanoTime();

    StreamingCursor(long id, ResultStream results) {
        super(id);
        this.results = results;
    }

    @Override
    public synchronized boolean isEmpty() {
        boolean empty = !results.hasNext();
        if (empty) results.close();
        return empty;
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        lastUsedNanos = System.nanoTime();
        int n = numberToReturn > 0 ? Math.min(numberToReturn, DEFAULT_BATCH) : DEFAULT_BATCH;
        return results.next(n);
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    void close() {
        results.close();
    }

    /** A query's documents as they come off the plan, with the snapshot they are read from. */
    static final class ResultStream implements AutoCloseable {
        private final Iterator<Document> documents;
        private final AutoCloseable onClose;
        private Runnable afterClose = () -> { };
        private boolean closed;

        ResultStream(Iterator<Document> documents, AutoCloseable onClose) {
            this.documents = documents;
            this.onClose = onClose;
        }

        synchronized void afterClose(Runnable action) {
            afterClose = action;
        }

        synchronized boolean hasNext() {
            return !closed && documents.hasNext();
        }

        synchronized List<Document> next(int n) {
            List<Document> batch = new ArrayList<>(Math.min(n, 1024));
            while (batch.size() < n && hasNext()) batch.add(documents.next());
            if (!hasNext()) close();
            return batch;
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            try {
                onClose.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                afterClose.run();
            }
        }
    }
}
