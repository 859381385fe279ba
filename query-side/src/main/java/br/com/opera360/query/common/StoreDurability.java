package br.com.opera360.query.common;

/** Makes the identity store's last writes durable before a request is acknowledged. */
@FunctionalInterface
public interface StoreDurability {
    void flush();
}
