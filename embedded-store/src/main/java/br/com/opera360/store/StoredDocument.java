package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.StockInternals;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * A document as its page read it from the file: its BSON bytes, decoded only when the document itself is read. An
 * MVStore page holds many documents and is read whole; decoding all of them on every page read made a query that
 * touches one document per page (an index walk in another order than the ids: every export, most list pages) decode
 * dozens, and filled the page cache with decoded maps several times the size of their bytes. A value in a
 * collection's map is this or, when written since the page was read, the {@link Document} itself; {@link #of} reads
 * either.
 */
final class StoredDocument {
    private final byte[] bson;

    StoredDocument(byte[] bson) {
        this.bson = bson;
    }

    /** The document a collection map's value holds (null for none); a stored one is decoded afresh each time. */
    static Document of(Object value) {
        if (value instanceof StoredDocument stored) return stored.decode();
        return (Document) value;
    }

    /** A map value's size as the stock engine counts it for {@code collStats}: the length of its BSON encoding. */
    static int bsonSize(Object value) {
        return value instanceof StoredDocument stored ? stored.bson.length : StockInternals.bsonSize((Document) value);
    }

    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    byte[] bson() {
        return bson;
    }
}
