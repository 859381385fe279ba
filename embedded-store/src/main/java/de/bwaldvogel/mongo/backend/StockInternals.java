package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one adapter our embedded store keeps inside mongo-java-server's package (1.47.0, pinned in the parent pom):
 * the stock projection and the cursor reply format are package-private there, and the store must answer exactly as
 * the stock engine does. Nothing here changes stock behaviour; each method delegates to the stock code.
 */
public final class StockInternals {
    private StockInternals() {
    }

    /** The stock {@code Projection} of a query, built once (it validates and classifies the fields) for all its documents. */
    public static UnaryOperator<Document> projection(Document fields, String idField) {
        return new Projection(fields, idField)::projectDocument;
    }

    /** The stock reply to a command that opens a cursor ({@code cursor.firstBatch}, {@code id}, {@code ns}). */
    public static Document firstBatchCursorResponse(String namespace, List<Document> firstBatch, long cursorId) {
        return Utils.firstBatchCursorResponse(namespace, firstBatch, cursorId);
    }

    /** A document's size as the stock engine counts it for {@code collStats}: its BSON encoding's length. */
    public static int bsonSize(Document document) {
        return Utils.calculateSize(document);
    }

    /** Whether a document holds a value (null included) at a dotted path. */
    public static boolean hasValue(Document document, String path) {
        return Utils.hasSubdocumentValue(document, path);
    }
}
