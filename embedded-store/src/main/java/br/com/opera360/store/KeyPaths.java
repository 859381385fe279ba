package br.com.opera360.store;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The field paths of an index's keys and how a document's value is read at each, as the stock
 * {@code Utils.getSubdocumentValueCollectionAware} reads it. A top-level field ("accountId", not "items.sku") is the
 * document's own value or Missing, read directly: the stock call first splits every path with a regular expression,
 * which was a quarter of the store's CPU time on inserts (every index, every document written).
 */
final class KeyPaths {
    private final String[] paths;
    private final boolean[] topLevel;

    KeyPaths(String[] paths) {
        this.paths = paths;
        this.topLevel = new boolean[paths.length];
        for (int i = 0; i < paths.length; i++) topLevel[i] = !paths[i].contains(".") && !paths[i].equals("$");
    }

    String[] paths() {
        return paths;
    }

    Object valueAt(Document document, int key) {
        return topLevel[key] ? document.getOrMissing(paths[key]) : Utils.getSubdocumentValueCollectionAware(document, paths[key]);
    }
}
