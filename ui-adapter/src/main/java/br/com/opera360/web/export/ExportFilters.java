package br.com.opera360.web.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.export.ExportDataset;
import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.export.ExportQuery;
import br.com.opera360.kernel.export.ExportServices;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.invoice.InvoiceListQuery;
import br.com.opera360.web.service.ServiceListQuery;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An export's {@code filters}: the list's query parameters as JSON values (strings or numbers, arrays where the
 * parameter may repeat). The list's own parser turns them into the export's query once, when the export is requested
 * (and, for a request recorded before the query was, when its event is read: {@code ExportRequestedUpcaster}), so the
 * file holds exactly what the list shows.
 */
public final class ExportFilters {
    private ExportFilters() {
    }

    /** JSON values → the list's parameters; unknown names and values of the wrong shape go into {@code fields}. */
    static Map<String, List<String>> normalize(ExportDataset dataset, Map<String, Object> filters, Fields fields) {
        Map<String, List<String>> params = new TreeMap<>();
        if (filters == null) return params;
        Set<String> known = dataset == ExportDataset.INVOICES ? InvoiceListQuery.FILTERS : ServiceListQuery.FILTERS;
        Set<String> repeatable = dataset == ExportDataset.INVOICES ? InvoiceListQuery.REPEATABLE : ServiceListQuery.REPEATABLE;
        filters.forEach((name, value) -> {
            String field = "filters." + name;
            if (!known.contains(name)) {
                fields.reject(field, "filtro desconhecido; aceitos: " + String.join(", ", new TreeSet<>(known)));
                return;
            }
            if (value == null) return;
            List<String> values = new ArrayList<>();
            if (value instanceof List<?> list) {
                if (!repeatable.contains(name)) {
                    fields.reject(field, "aceita um único valor (texto ou número)");
                    return;
                }
                for (Object element : list) {
                    String text = scalar(element);
                    if (text == null) {
                        fields.reject(field, "os valores devem ser textos ou números");
                        return;
                    }
                    values.add(text);
                }
            } else {
                String text = scalar(value);
                if (text == null) {
                    fields.reject(field, "deve ser um texto ou um número");
                    return;
                }
                values.add(text);
            }
            if (!values.isEmpty()) params.put(name, List.copyOf(values));
        });
        return params;
    }

    private static String scalar(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) return value.toString();
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Double || value instanceof Float) return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        return null;
    }

    /**
     * The export's query, parsed by the list's own parser (the same rules as {@code GET /api/invoices} and
     * {@code /api/services}); every bad value in one 400 {@code Rejected}.
     */
    public static ExportQuery parse(ExportDataset dataset, AccountId account, Map<String, List<String>> filters) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        filters.forEach(params::addAll);
        return switch (dataset) {
            case INVOICES -> new ExportInvoices(InvoiceListQuery.parse(account, params));
            case SERVICES -> new ExportServices(account, ServiceListQuery.parse(params));
        };
    }
}
