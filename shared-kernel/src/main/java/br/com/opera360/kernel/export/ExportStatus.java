package br.com.opera360.kernel.export;

/** A notification's status (contract). EXPIRED follows from the clock once {@code expiresAt} has passed. */
public enum ExportStatus {
    REQUESTED, RUNNING, READY, FAILED, EXPIRED
}
