package br.com.opera360.kernel.common;

import java.util.List;

/** One page of a list, shaped like the API's paginated answer. {@code page} is 0-based. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
