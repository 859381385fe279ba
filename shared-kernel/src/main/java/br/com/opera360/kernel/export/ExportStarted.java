package br.com.opera360.kernel.export;

public record ExportStarted(String exportId, String accountId, int attempt, long totalRows) {
}
