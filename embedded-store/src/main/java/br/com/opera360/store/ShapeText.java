package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;

/** A query's shape for logs and metrics: field names and operators, every value replaced by {@code ?}. */
final class ShapeText {
    private ShapeText() {
    }

    static String of(Document filter, Document sort) {
        StringBuilder text = new StringBuilder();
        append(text, filter == null ? new Document() : filter);
        if (sort != null && !sort.isEmpty()) text.append(" sort ").append(sort.toString());
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof Document d) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : d.entrySet()) {
                if (!first) text.append(", ");
                first = false;
                text.append(e.getKey()).append(": ");
                append(text, e.getValue());
            }
            text.append('}');
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Document) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) text.append(", ");
                append(text, list.get(i));
            }
            text.append(']');
        } else {
            text.append('?');
        }
    }
}
