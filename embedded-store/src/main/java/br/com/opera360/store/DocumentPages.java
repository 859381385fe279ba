package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.StockInternals;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.UnaryOperator;

/** The last steps of a find, on documents: a sort the index could not give, skip, limit, projection. */
final class DocumentPages {
    private DocumentPages() {
    }

    static Iterator<Document> sorted(Iterator<Document> documents, Document orderBy, int skip, int limit) {
        Comparator<Document> order = new DocumentComparator(orderBy);
        List<Document> all;
        if (limit > 0) {
            // the smallest skip + limit documents, kept in a bounded heap (largest on top)
            int keep = skip + limit;
            PriorityQueue<Document> heap = new PriorityQueue<>(Math.min(keep, 1024) + 1, order.reversed());
            while (documents.hasNext()) {
                heap.add(documents.next());
                if (heap.size() > keep) heap.poll();
            }
            all = new ArrayList<>(heap);
        } else {
            all = new ArrayList<>();
            documents.forEachRemaining(all::add);
        }
        all.sort(order);
        return all.subList(Math.min(skip, all.size()), all.size()).iterator();
    }

    static Iterator<Document> skipping(Iterator<Document> documents, int skip) {
        for (int i = 0; i < skip && documents.hasNext(); i++) documents.next();
        return documents;
    }

    static Iterator<Document> limited(Iterator<Document> documents, int limit) {
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < limit && documents.hasNext();
            }

            @Override
            public Document next() {
                if (!hasNext()) throw new NoSuchElementException();
                given++;
                return documents.next();
            }
        };
    }
    static Iterator<Document> project(Iterator<Document> documents, Document projection, String idField, boolean copies) {
        UnaryOperator<Document> project = projection != null && !projection.isEmpty()
                ? StockInternals.projection(projection, idField) : UnaryOperator.identity();
        return new MappedIterator<>(documents, document -> project.apply(copies ? document.cloneDeeply() : document));
    }

}
