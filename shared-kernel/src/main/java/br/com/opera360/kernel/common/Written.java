package br.com.opera360.kernel.common;

/**
 * What a portal command changed: the id of the record and the version (sequence of the last event) its view must
 * reach before the write is answered (read-your-writes).
 */
public record Written(String id, long version) {
}
