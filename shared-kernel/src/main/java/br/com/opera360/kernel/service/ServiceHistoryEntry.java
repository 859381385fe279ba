package br.com.opera360.kernel.service;

import java.time.Instant;

/** {@code type} ∈ REGISTERED, STATUS_CHANGED, SPEED_CHANGED, ADDRESS_CHANGED, LOCATION_CHANGED; {@code change} pt-BR. */
public record ServiceHistoryEntry(Instant at, String type, String change) {
}
