package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.PageRequest;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.InvoiceSortField;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.common.Paging;
import org.springframework.util.MultiValueMap;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The invoice list's query parameters, for the list and whatever else lists invoices (exports): one parser, one set of rules. */
public final class InvoiceListQuery {
    /** The list's filters and order; paging is the list's own. */
    public static final Set<String> FILTERS = Set.of("year", "month", "status", "dueDate", "dueFrom", "dueTo", "sort");
    /** The filters that may repeat. */
    public static final Set<String> REPEATABLE = Set.of("status");

    private InvoiceListQuery() {
    }

    /** The list's query; every bad parameter in one 400, exactly as {@code GET /api/invoices} answers. */
    public static FindInvoices parse(AccountId account, MultiValueMap<String, String> params) {
        var fields = new Fields();
        Integer year = integer(fields, "year", single(params, "year"));
        Integer month = integer(fields, "month", single(params, "month"));
        if (month != null && (month < 1 || month > 12)) fields.reject("month", "deve estar entre 1 e 12");
        if (month != null && year == null) fields.reject("year", "é obrigatório quando month é informado");
        if (year != null && (year < 1900 || year > 9999)) fields.reject("year", "ano inválido");
        Set<InvoiceStatus> statuses = EnumSet.noneOf(InvoiceStatus.class);
        for (String raw : params.getOrDefault("status", List.of())) {
            for (String s : raw.split(",")) {
                if (s.isBlank()) continue;
                try {
                    statuses.add(InvoiceStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    fields.reject("status", "valores aceitos: OPEN, PENDING, INSTALLMENT, PAID");
                }
            }
        }
        LocalDate dueDate = date(fields, "dueDate", single(params, "dueDate"));
        LocalDate dueFrom = date(fields, "dueFrom", single(params, "dueFrom"));
        LocalDate dueTo = date(fields, "dueTo", single(params, "dueTo"));
        InvoiceSortField sortBy = InvoiceSortField.DUE_DATE;
        boolean ascending = false;
        String sort = single(params, "sort");
        if (sort != null) {
            String[] parts = sort.split(",", -1);
            try {
                sortBy = InvoiceSortField.fromParameter(parts[0].strip());
            } catch (IllegalArgumentException e) {
                fields.reject("sort", e.getMessage());
            }
            if (parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
                fields.reject("sort", "use campo,asc ou campo,desc");
            } else {
                ascending = parts.length == 1 || parts[1].strip().equalsIgnoreCase("asc");
            }
        }
        PageRequest page = Paging.parseInvoiceList(single(params, "page"), single(params, "size"), fields);
        fields.check();
        return new FindInvoices(account, year, month, statuses, dueDate, dueFrom, dueTo, sortBy, ascending, page);
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static Integer integer(Fields fields, String name, String value) {
        return value == null ? null : fields.parse(name, () -> Paging.integer(value));
    }

    private static LocalDate date(Fields fields, String name, String value) {
        return value == null ? null : RequestValues.date(fields, name, value, true);
    }
}
