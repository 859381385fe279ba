package br.com.opera360.kernel.user;

/** The user's company as its account was registered: name and CNPJ never change after {@code AccountRegistered}. */
public record UserCompany(String name, String cnpj) {
}
