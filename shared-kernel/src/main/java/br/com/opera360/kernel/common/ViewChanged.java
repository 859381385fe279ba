package br.com.opera360.kernel.common;

/** Emitted by a projection once the view of {@code id} reflects the event with sequence {@code version}. */
public record ViewChanged(String id, long version) {
}
