package br.com.opera360.kernel.export;

import java.time.Instant;

public record ExportCompleted(String exportId, String accountId, long rowCount, long sizeBytes, String fileName,
                              Instant readyAt, Instant expiresAt) {
}
