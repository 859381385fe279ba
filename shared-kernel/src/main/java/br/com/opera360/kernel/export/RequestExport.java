package br.com.opera360.kernel.export;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user asks for a file of a list. {@code filters} are the list's query parameters as the user gave them (a
 * parameter that may repeat has several values), recorded for the audit; {@code query} is what the edge parsed them
 * into with the list's own parser, and is what the file is produced from.
 */
public record RequestExport(@TargetAggregateIdentifier ExportId exportId, AccountId accountId, UserId userId,
                            ExportDataset dataset, ExportFormat format, Map<String, List<String>> filters,
                            ExportQuery query, Instant requestedAt) {
    public RequestExport {
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (query.dataset() != dataset) throw new IllegalArgumentException("query: não é uma consulta de " + dataset.code());
        if (!query.accountId().equals(accountId)) throw new IllegalArgumentException("query: de outra conta");
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }
}
