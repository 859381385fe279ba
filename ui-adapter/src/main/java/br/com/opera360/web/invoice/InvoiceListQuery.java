package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.FindInvoices;
import org.springframework.util.MultiValueMap;

import java.util.Set;

/** The invoice list's query parameters, for whatever else lists invoices (exports): one parser, one set of rules. */
public final class InvoiceListQuery {
    /** The list's filters and order; paging is the list's own. */
    public static final Set<String> FILTERS = Set.of("year", "month", "status", "dueDate", "dueFrom", "dueTo", "sort");
    /** The filters that may repeat. */
    public static final Set<String> REPEATABLE = Set.of("status");

    private InvoiceListQuery() {
    }

    /** The list's query; every bad parameter in one 400, exactly as {@code GET /api/invoices} answers. */
    public static FindInvoices parse(AccountId account, MultiValueMap<String, String> params) {
        return InvoiceController.findInvoices(account, params);
    }
}
