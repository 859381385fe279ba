package br.com.opera360.store;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.SnapshotPositions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Whether an index holds exactly the entries its collection's documents give it, read from one snapshot. */
final class IndexAgreement {
    /** At most this many missing entries are named; the count check still covers the rest. */
    private static final int NAMED = 10;

    private IndexAgreement() {
    }

    /** The disagreements between {@code index} and the documents of {@code snapshot}; empty when they agree. */
    static List<String> problems(String collection, OrderedIndex index, Snapshot snapshot) {
        List<String> problems = new ArrayList<>();
        var root = snapshot.root(index);
        long expected = 0;
        Iterator<Document> documents = snapshot.documents(false);
        while (documents.hasNext()) {
            for (IndexEntry entry : index.entriesOf(documents.next())) {
                expected++;
                if (SnapshotPositions.keyIndex(root, entry) < 0 && problems.size() < NAMED) {
                    problems.add(collection + " " + index.getName() + ": no entry for " + entry);
                }
            }
        }
        long actual = SnapshotPositions.size(root);
        if (actual != expected) {
            problems.add(collection + " " + index.getName() + ": " + actual + " entries for " + expected + " expected");
        }
        return problems;
    }
}
