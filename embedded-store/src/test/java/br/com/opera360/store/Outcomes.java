package br.com.opera360.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns the answer of an operation into a comparable string: documents as extended JSON (field order and BSON types
 * count: 1, 1L, 1.0 and Decimal128 1 are different answers), errors as "both failed" with the error code only.
 */
final class Outcomes {

    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private Outcomes() {
    }

    static String of(Supplier<String> operation) {
        try {
            return "ok " + operation.get();
        } catch (MongoBulkWriteException e) {
            return "bulk-error " + e.getWriteErrors().stream().map(w -> w.getIndex() + ":" + w.getCode()).toList()
                + " after " + bulk(e.getWriteResult());
        } catch (MongoWriteException e) {
            return "write-error " + e.getError().getCode();
        } catch (MongoCommandException e) {
            return "command-error " + e.getErrorCode();
        } catch (MongoServerException e) {
            return "server-error " + e.getCode();
        } catch (RuntimeException e) {
            return "error " + e.getClass().getName();
        }
    }

    static boolean isError(String outcome) {
        return !outcome.startsWith("ok ");
    }

    static String doc(Document d) {
        return d == null ? "null" : d.toJson(JSON);
    }

    /** In the order returned (the generated sort was total). */
    static String ordered(List<Document> docs) {
        return docs.stream().map(Outcomes::doc).collect(Collectors.joining(",\n ", "[", "]"));
    }

    /** As a multiset (no total order was asked for, so the stock engine's order depends on its scan order). */
    static String unordered(List<Document> docs) {
        return docs.stream().map(Outcomes::doc).sorted().collect(Collectors.joining(",\n ", "{", "}"));
    }

    /** Sorts the array in {@code field} of every document ($lookup output: its order follows the foreign scan order). */
    static List<Document> withSortedArray(List<Document> docs, String field) {
        List<Document> result = new ArrayList<>();
        for (Document d : docs) {
            Document copy = new Document(d);
            Object value = d.get(field);
            if (value instanceof Collection<?> values) {
                List<Object> sorted = new ArrayList<>(values);
                sorted.sort((a, b) -> json(a).compareTo(json(b)));
                copy.put(field, sorted);
            }
            result.add(copy);
        }
        return result;
    }

    private static String json(Object value) {
        return value instanceof Document d ? doc(d) : String.valueOf(value);
    }

    /**
     * Distinct values. Numbers are compared by value, not BSON type: the stock engine collects distinct values in a
     * TreeSet where 1, 1L, 1.0 and Decimal128 1 compare equal, so the type that survives is the one met first in scan
     * order, and scan order differs between backends by design (memory: insertion order; H2: _id order).
     */
    static String distinct(List<BsonValue> values) {
        return values.stream().map(v -> {
            if (v == null) {
                return "null"; // the driver decodes a BSON null to a Java null
            }
            if (v.isNumber() || v.isDecimal128()) {
                BigDecimal number = v.isDecimal128() ? v.asDecimal128().getValue().bigDecimalValue()
                    : v.isDouble() ? BigDecimal.valueOf(v.asDouble().getValue()) : BigDecimal.valueOf(v.asNumber().longValue());
                return "number " + number.stripTrailingZeros().toPlainString();
            }
            return new BsonDocument("v", v).toJson(JSON);
        }).toList().toString();
    }

    static String bulk(BulkWriteResult r) {
        if (!r.wasAcknowledged()) {
            return "unacknowledged";
        }
        return "inserted=" + r.getInsertedCount() + " matched=" + r.getMatchedCount() + " modified=" + r.getModifiedCount()
            + " deleted=" + r.getDeletedCount() + " upserts=" + r.getUpserts().stream()
            .map(u -> u.getIndex() + ":" + u.getId().toString()).toList();
    }
}
