package br.com.opera360.kernel.export;

public record ExportFailed(String exportId, String accountId, String reason) {
}
