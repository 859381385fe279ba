package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The export process begins (or, after a restart, begins again) producing the file; {@code attempt} counts from 1. */
public record StartExport(@TargetAggregateIdentifier ExportId exportId, AccountId accountId, int attempt, long totalRows) {
    public StartExport {
        if (attempt < 1) throw new IllegalArgumentException("attempt: deve ser maior que zero");
        if (totalRows < 0) throw new IllegalArgumentException("totalRows: não pode ser negativo");
    }
}
