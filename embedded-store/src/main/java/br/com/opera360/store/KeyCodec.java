package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Writes index key components to MVStore pages. The types read models index most (strings, numbers, dates, ObjectIds,
 * booleans, null and missing) get a compact form; anything else goes through MVStore's own {@link ObjectDataType}.
 * A component's Java type is kept exactly (an int stays an int), so a covered filter sees what the document holds.
 */
final class KeyCodec {
    private static final ObjectDataType OTHER = new ObjectDataType();
    private static final byte MISSING = 0, NULL = 1, INT = 2, LONG = 3, DOUBLE = 4, STRING = 5, TRUE = 6, FALSE = 7,
            INSTANT = 8, OBJECT_ID = 9, OTHER_TYPE = 10;

    private KeyCodec() {
    }

    static void write(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) buffer.put(MISSING);
        else if (value == null) buffer.put(NULL);
        else if (value instanceof Integer i) buffer.put(INT).putVarInt(i);
        else if (value instanceof Long l) buffer.put(LONG).putLong(l);
        else if (value instanceof Double d) buffer.put(DOUBLE).putDouble(d);
        else if (value instanceof String s) buffer.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
        else if (value instanceof Boolean b) buffer.put(b ? TRUE : FALSE);
        else if (value instanceof Instant t) buffer.put(INSTANT).putVarLong(t.getEpochSecond()).putVarInt(t.getNano());
        else if (value instanceof ObjectId o) buffer.put(OBJECT_ID).put(o.toByteArray());
        else {
            buffer.put(OTHER_TYPE);
            OTHER.write(buffer, value);
        }
    }

    static Object read(ByteBuffer buffer) {
        byte type = buffer.get();
        return switch (type) {
            case MISSING -> Missing.getInstance();
            case NULL -> null;
            case INT -> DataUtils.readVarInt(buffer);
            case LONG -> buffer.getLong();
            case DOUBLE -> buffer.getDouble();
            case STRING -> DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INSTANT -> Instant.ofEpochSecond(DataUtils.readVarLong(buffer), DataUtils.readVarInt(buffer));
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                buffer.get(bytes);
                yield new ObjectId(bytes);
            }
            case OTHER_TYPE -> OTHER.read(buffer);
            default -> throw new IllegalStateException("Unknown index key type " + type);
        };
    }

    static int memory(Object value) {
        if (value instanceof String s) return 40 + 2 * s.length();
        return 24;
    }
}
