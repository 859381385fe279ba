package br.com.opera360.kernel.service;

/** A map window in degrees, inclusive at every edge. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    public BoundingBox {
        if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90)) {
            throw new IllegalArgumentException("longitudes devem estar entre -180 e 180 e latitudes entre -90 e 90");
        }
        if (minLon > maxLon || minLat > maxLat) {
            throw new IllegalArgumentException("o mínimo deve ser menor ou igual ao máximo (minLon,minLat,maxLon,maxLat)");
        }
    }
}
