package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.service.ServiceFilter;

import java.util.Objects;

/** Streaming query: every service the list's filters match, in the list's order. */
public record ExportServices(AccountId accountId, ServiceFilter filter) implements ExportQuery {
    public ExportServices {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public ExportDataset dataset() {
        return ExportDataset.SERVICES;
    }
}
