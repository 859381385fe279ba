package br.com.opera360.kernel.common;

/** A page of a list: page 0-based, size 1..500 (the contract's limits). */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 0) throw new IllegalArgumentException("page: deve ser maior ou igual a 0");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size: deve estar entre 1 e " + MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
