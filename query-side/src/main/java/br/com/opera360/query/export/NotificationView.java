package br.com.opera360.query.export;

import br.com.opera360.kernel.export.ExportStatus;
import br.com.opera360.kernel.export.NotificationDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One export as its requester's notification. {@code state} is the last recorded state; EXPIRED also follows from
 * the clock at read time, so the answer is exact at {@code expiresAt} whenever the deletion of the file runs.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('notification', 'notifications')}")
record NotificationView(@Id String id, String accountId, String userId, String dataset, String format, String state,
                        int progress, long rowCount, Instant createdAt, Instant readyAt, Instant expiresAt,
                        String failureReason, String fileName, long version) {
    static final String COLLECTION = "notifications";

    NotificationDetails toDetails(Instant now) {
        ExportStatus status = ExportStatus.valueOf(state);
        if (status == ExportStatus.READY && expiresAt != null && !now.isBefore(expiresAt)) status = ExportStatus.EXPIRED;
        return new NotificationDetails(id, id, dataset, format, status, progress, rowCount, createdAt, readyAt, expiresAt,
                status == ExportStatus.READY ? "/api/exports/" + id + "/file" : null,
                status == ExportStatus.FAILED ? failureReason : null, fileName);
    }
}
