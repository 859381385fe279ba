package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** How far the running export got: {@code progress} 0..100 and the rows written so far. */
public record RecordExportProgress(@TargetAggregateIdentifier ExportId exportId, AccountId accountId, int progress, long rowCount) {
    public RecordExportProgress {
        if (progress < 0 || progress > 100) throw new IllegalArgumentException("progress: deve estar entre 0 e 100");
        if (rowCount < 0) throw new IllegalArgumentException("rowCount: não pode ser negativo");
    }
}
