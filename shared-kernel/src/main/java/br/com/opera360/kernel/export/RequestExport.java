package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user asks for a file of a list. {@code filters} are the list's query parameters, already validated by the edge,
 * as the list would receive them (a parameter that may repeat has several values).
 */
public record RequestExport(@TargetAggregateIdentifier ExportId exportId, AccountId accountId, UserId userId,
                            ExportDataset dataset, ExportFormat format, Map<String, List<String>> filters,
                            Instant requestedAt) {
    public RequestExport {
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(requestedAt, "requestedAt");
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }
}
