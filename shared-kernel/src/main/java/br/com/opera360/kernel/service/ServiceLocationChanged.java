package br.com.opera360.kernel.service;

import org.axonframework.serialization.Revision;

/** {@code previousLocation} is null when the service had no location before. */
@Revision("1")
public record ServiceLocationChanged(String serviceId, String accountId, String designation, GeoPoint previousLocation,
                                     GeoPoint location) {
}
