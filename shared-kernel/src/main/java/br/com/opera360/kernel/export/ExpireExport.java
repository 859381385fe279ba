package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The retention has passed and the file was deleted. */
public record ExpireExport(@TargetAggregateIdentifier ExportId exportId, AccountId accountId) {
}
