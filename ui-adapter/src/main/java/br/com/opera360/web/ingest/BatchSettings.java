package br.com.opera360.web.ingest;

import br.com.opera360.web.common.GroupCommit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code opera360.ingest.batch.*}. {@code max-bytes}: a batch whose declared {@code Content-Length} is larger is
 * refused with 413 before any line is read (unset: no limit; a chunked body has no declared length and is never
 * refused). {@code chunk-lines}: how many lines share one unit of work and one event store commit (group commit).
 * Mutable so that tests can try a small chunk or a small limit on the one shared application.
 */
@ConfigurationProperties("opera360.ingest.batch")
class BatchSettings {

    private volatile DataSize maxBytes;
    private volatile int chunkLines = GroupCommit.DEFAULT_CHUNK;

    public DataSize getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(DataSize maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int getChunkLines() {
        return chunkLines;
    }

    public void setChunkLines(int chunkLines) {
        if (chunkLines < 1) throw new IllegalArgumentException("opera360.ingest.batch.chunk-lines must be at least 1");
        this.chunkLines = chunkLines;
    }

    boolean exceeds(long contentLength) {
        DataSize limit = maxBytes;
        return limit != null && contentLength > limit.toBytes();
    }
}
