package br.com.opera360.kernel.export;

import java.time.Instant;

/**
 * A notification as the API shows it. {@code status} is EXPIRED once {@code expiresAt} has passed, whatever the
 * stored state; {@code downloadUrl} only while READY. {@code fileName} and {@code mediaType} describe the download.
 */
public record NotificationDetails(String id, String exportId, String dataset, String format, ExportStatus status,
                                  int progress, long rowCount, Instant createdAt, Instant readyAt, Instant expiresAt,
                                  String downloadUrl, String failureReason, String fileName) {
}
