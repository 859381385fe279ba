package br.com.opera360.kernel.common;

/** Result of an ingestion command: {@code created} false means an identical re-send (200, nothing changed). */
public record Ingested(boolean created) {
    public static final Ingested CREATED = new Ingested(true);
    public static final Ingested DUPLICATE = new Ingested(false);
}
