package br.com.opera360.web.common;

/**
 * The contract's {@code ?page=0&size=20}: page 0-based, size 1..500 (default 20); a negative page, a size outside
 * the range or a non-number is a 400 naming the parameter.
 */
public record Paging(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    /** Problems go into {@code fields}; call {@link Fields#check()} afterwards. */
    public static Paging parse(String page, String size, Fields fields) {
        Integer p = page == null ? Integer.valueOf(0) : fields.parse("page", () -> {
            int v = parseInt(page);
            if (v < 0) throw new IllegalArgumentException("deve ser um número inteiro maior ou igual a 0");
            return v;
        });
        Integer s = size == null ? Integer.valueOf(DEFAULT_SIZE) : fields.parse("size", () -> {
            int v = parseInt(size);
            if (v < 1 || v > MAX_SIZE) throw new IllegalArgumentException("deve ser um número inteiro de 1 a " + MAX_SIZE);
            return v;
        });
        return new Paging(p == null ? 0 : p, s == null ? DEFAULT_SIZE : s);
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("deve ser um número inteiro");
        }
    }
}
