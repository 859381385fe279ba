package br.com.opera360.kernel.service;

/** A recorded location (WGS 84 degrees): plain facts, no checks. */
public record GeoPoint(double lat, double lon) {
}
