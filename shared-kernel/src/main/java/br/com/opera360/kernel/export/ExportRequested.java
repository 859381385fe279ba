package br.com.opera360.kernel.export;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Revision 1 records the parsed {@code query} next to the raw {@code filters}; revision 0 (no revision) had only the
 * filters, and is upcast as it is read by parsing them with the list's parser. {@code query} is null only for a
 * revision-0 request whose filters the list no longer accepts.
 */
@Revision("1")
public record ExportRequested(String exportId, String accountId, String userId, String dataset, String format,
                              Map<String, List<String>> filters, ExportQuery query, Instant requestedAt) {
}
