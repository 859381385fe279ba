package br.com.opera360.store;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that finds its next element ahead of time (null: none left), the shape of every filtering step here. */
abstract class Lookahead<T> implements Iterator<T> {
    private T next;

    /** The next element, or null when there is none. */
    protected abstract T find();

    @Override
    public final boolean hasNext() {
        if (next == null) next = find();
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) throw new NoSuchElementException();
        T t = next;
        next = null;
        return t;
    }
}
