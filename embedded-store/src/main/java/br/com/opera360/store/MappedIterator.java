package br.com.opera360.store;

import java.util.Iterator;
import java.util.function.Function;

/** Another iterator's elements, each turned into what the reader needs as it is reached. */
final class MappedIterator<T, R> implements Iterator<R> {
    private final Iterator<T> source;
    private final Function<? super T, ? extends R> map;

    MappedIterator(Iterator<T> source, Function<? super T, ? extends R> map) {
        this.source = source;
        this.map = map;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public R next() {
        return map.apply(source.next());
    }
}
