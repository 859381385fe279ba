package br.com.opera360.kernel.service;

/** Result of {@link RegisterService}: {@code created} false means an identical re-send (200, nothing changed). */
public record ServiceRegistration(String designation, boolean created) {
}
