package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** The answer to {@code distinct}: each value of a field once, an array's elements one by one, as the stock engine answers. */
final class DistinctValues {
    private DistinctValues() {
    }

    static Document of(Iterator<Document> documents, String key) {
        Set<Object> values = new TreeSet<>(ValueComparator.ascWithoutListHandling());
        while (documents.hasNext()) {
            Object value = Utils.getSubdocumentValueCollectionAware(documents.next(), key);
            if (value instanceof Missing) continue;
            if (value instanceof Collection<?> c) values.addAll(c);
            else values.add(value);
        }
        Document response = new Document("values", values);
        response.put("ok", 1.0);
        return response;
    }
}
