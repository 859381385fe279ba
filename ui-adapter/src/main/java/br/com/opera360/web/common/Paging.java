package br.com.opera360.web.common;

import br.com.opera360.kernel.common.PageRequest;

/**
 * The contract's {@code ?page=0&size=20} into the kernel's {@link PageRequest} (which owns the limits): page 0-based,
 * size 1..{@value PageRequest#MAX_SIZE} (default {@value PageRequest#DEFAULT_SIZE}); a negative page, a size outside
 * the range or a non-number is a 400 naming the parameter.
 */
public final class Paging {
    private Paging() {
    }

    /** Problems go into {@code fields}; call {@link Fields#check()} afterwards. */
    public static PageRequest parse(String page, String size, Fields fields) {
        Integer p = page == null ? Integer.valueOf(0) : fields.parse("page", () -> {
            int v = integer(page);
            if (v < 0) throw new IllegalArgumentException("deve ser um número inteiro maior ou igual a 0");
            return v;
        });
        Integer s = size == null ? Integer.valueOf(PageRequest.DEFAULT_SIZE) : fields.parse("size", () -> {
            int v = integer(size);
            if (v < 1 || v > PageRequest.MAX_SIZE) throw new IllegalArgumentException("deve ser um número inteiro de 1 a " + PageRequest.MAX_SIZE);
            return v;
        });
        return new PageRequest(p == null ? 0 : p, s == null ? PageRequest.DEFAULT_SIZE : s);
    }

    /**
     * The same limits in the invoice list's own wording (and its overflow check), which the contract's invoice examples
     * quote word for word; problems go into {@code fields}.
     */
    public static PageRequest parseInvoiceList(String page, String size, Fields fields) {
        Integer p = page == null ? null : fields.parse("page", () -> integer(page));
        Integer s = size == null ? null : fields.parse("size", () -> integer(size));
        if (p != null && p < 0) fields.reject("page", "deve ser maior ou igual a 0");
        if (s != null && (s < 1 || s > PageRequest.MAX_SIZE)) fields.reject("size", "deve estar entre 1 e " + PageRequest.MAX_SIZE);
        if (p != null && s != null && (long) p * s > Integer.MAX_VALUE) fields.reject("page", "página grande demais");
        return fields.parse("page", () -> new PageRequest(p == null || p < 0 ? 0 : p,
                s == null || s < 1 || s > PageRequest.MAX_SIZE ? PageRequest.DEFAULT_SIZE : s));
    }

    /** A whole number; "deve ser um número inteiro" otherwise. */
    public static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("deve ser um número inteiro");
        }
    }
}
