package br.com.opera360.web.ingest;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a streamed body into its lines as the bytes arrive, holding at most one line (up to {@code maxLine} bytes)
 * and a few network buffers in memory whatever the body's size. Lines are numbered from 1; blank lines keep their
 * number but are not emitted; a line longer than {@code maxLine} is emitted as oversized, without its bytes.
 */
final class NdjsonLines {
    record Line(long number, byte[] bytes, boolean oversized) {
    }

    private final int maxLine;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean oversized;
    private long number;

    private NdjsonLines(int maxLine) {
        this.maxLine = maxLine;
    }

    static Flux<Line> split(Flux<DataBuffer> body, int maxLine) {
        return Flux.defer(() -> {
            var lines = new NdjsonLines(maxLine);
            // a small prefetch: the body is pulled only as fast as lines are ingested
            return body.concatMapIterable(lines::feed, 2).concatWith(Flux.defer(() -> Flux.fromIterable(lines.finish())));
        });
    }

    private List<Line> feed(DataBuffer buffer) {
        byte[] chunk;
        try {
            chunk = new byte[buffer.readableByteCount()];
            buffer.read(chunk);
        } finally {
            DataBufferUtils.release(buffer);
        }
        List<Line> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                append(chunk, start, i - start);
                end(out);
                start = i + 1;
            }
        }
        append(chunk, start, chunk.length - start);
        return out;
    }

    /** The last line, when the body does not end with a newline. */
    private List<Line> finish() {
        List<Line> out = new ArrayList<>();
        if (current.size() > 0 || oversized) end(out);
        return out;
    }

    private void append(byte[] chunk, int from, int length) {
        if (oversized || length == 0) return;
        if (current.size() + length > maxLine) {
            oversized = true;
            current.reset();
            return;
        }
        current.write(chunk, from, length);
    }

    private void end(List<Line> out) {
        number++;
        if (oversized) {
            out.add(new Line(number, null, true));
        } else {
            byte[] bytes = current.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') length--;
            if (!blank(bytes, length)) out.add(new Line(number, length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length), false));
        }
        current.reset();
        oversized = false;
    }

    private static boolean blank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }
}
