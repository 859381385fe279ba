package br.com.opera360.kernel.export;

public record ExportProgressed(String exportId, String accountId, int progress, long rowCount) {
}
