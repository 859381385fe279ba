package br.com.opera360.kernel.account;

import java.time.Instant;

public record AccountDetails(String accountId, String cnpj, String companyName, String administratorId,
                             String administratorName, String administratorEmail, Instant registeredAt) {
}
