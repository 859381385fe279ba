package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The file is stored and may be downloaded until {@code expiresAt}. */
public record CompleteExport(@TargetAggregateIdentifier ExportId exportId, AccountId accountId, long rowCount,
                             long sizeBytes, String fileName, Instant readyAt, Instant expiresAt) {
    public CompleteExport {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isBefore(readyAt)) throw new IllegalArgumentException("expiresAt: deve ser depois de readyAt");
    }
}
