package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * How a collection's documents are stored in their MVStore map: as BSON (the wire protocol's own encoding, so every
 * value a client can store round-trips as it does over the wire), behind a tag byte that MVStore's
 * {@link ObjectDataType} never writes first. A page read from the file holds its documents as {@link StoredDocument}s,
 * their bytes undecoded until a document is read; a page written back (MVStore's chunk rewrite) copies those bytes.
 * Files written before this type held Java-serialized documents (the stock backend's {@code ObjectDataType}): those
 * values still read through it, and are written back as BSON the next time their page is rewritten. Java
 * serialization wrote the class descriptors of every document into every value and read them back each time: on a
 * large export the store spent most of its time and allocation there.
 */
final class DocumentType extends BasicDataType<Object> {
    /** First byte of a BSON value; ObjectDataType's tags stop below 120. */
    static final byte BSON = (byte) 0xB5;
    private static final ObjectDataType LEGACY = new ObjectDataType();
    /**
     * A scratch buffer per writing thread: the stock BSON encoder writes only into a Netty {@code ByteBuf}, not into
     * MVStore's {@code WriteBuffer}, so each value is encoded here first and copied; one buffer per thread instead of
     * one allocation per value (MVStore calls this from its own background writer too).
     */
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (value instanceof StoredDocument stored) {
            buff.put(BSON).put(stored.bson());
            return;
        }
        Document document = (Document) value;
        ByteBuf encoded = BUFFERS.get();
        encoded.clear();
        BsonEncoder.encodeDocument(document, encoded);
        buff.put(BSON).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
        if (encoded.capacity() > 1 << 20) BUFFERS.remove(); // a large document (a GridFS chunk) is not kept per thread
    }

    /** A BSON value as its undecoded bytes; a legacy (Java-serialized) one decoded, as it always was. */
    @Override
    public Object read(ByteBuffer buff) {
        int start = buff.position();
        if (buff.get(start) != BSON) return LEGACY.read(buff);
        int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
        byte[] bson = new byte[length];
        buff.position(start + 1);
        buff.get(bson);
        return new StoredDocument(bson);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /**
     * The page cache's estimate of a value's heap: a stored document's bytes; a decoded one's objects, map entries,
     * strings and arrays, roughly as the JVM lays them out.
     */
    @Override
    public int getMemory(Object value) {
        if (value instanceof StoredDocument stored) return 16 + 16 + stored.bson().length;
        return (int) Math.min(Integer.MAX_VALUE, memory(value));
    }

    private static long memory(Object value) {
        if (value == null) return 0;
        if (value instanceof String s) return 48 + s.length();
        if (value instanceof Map<?, ?> map) {
            long size = 64 + 16L * map.size();
            for (var e : map.entrySet()) size += 40 + memory(e.getKey()) + memory(e.getValue());
            return size;
        }
        if (value instanceof Collection<?> list) {
            long size = 40 + 8L * list.size();
            for (Object v : list) size += memory(v);
            return size;
        }
        if (value instanceof byte[] bytes) return 24 + bytes.length;
        if (value instanceof de.bwaldvogel.mongo.bson.BinData bin) return 40 + bin.getData().length;
        return 24;
    }
}
