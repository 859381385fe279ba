package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** The file could not be produced; {@code reason} is a pt-BR sentence for the user (no internals). */
public record FailExport(@TargetAggregateIdentifier ExportId exportId, AccountId accountId, String reason) {
    public FailExport {
        Objects.requireNonNull(reason, "reason");
    }
}
