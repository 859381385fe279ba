package br.com.opera360.kernel.export;

public record ExportExpired(String exportId, String accountId) {
}
