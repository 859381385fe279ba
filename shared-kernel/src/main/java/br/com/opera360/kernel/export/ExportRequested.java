package br.com.opera360.kernel.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record ExportRequested(String exportId, String accountId, String userId, String dataset, String format,
                              Map<String, List<String>> filters, Instant requestedAt) {
}
