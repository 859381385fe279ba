package br.com.opera360.kernel.service;

/**
 * A service's location, which must fall in Brazil's bounding box. IBGE's extreme points: north Monte Caburaí
 * (5°16′N), south Arroio Chuí (33°45′S), west Serra da Contamana at the source of the Moa river (73°59′W), east
 * Ponta do Seixas (34°47′W) on the mainland and Martim Vaz (28°50′W) among the oceanic islands (Fernando de Noronha,
 * where services are installed, lies at 32°25′W). The box rounds these outwards: lat -34..6, lon -74..-28.5.
 */
public record Location(double lat, double lon) {
    public static final double MIN_LAT = -34.0;
    public static final double MAX_LAT = 6.0;
    public static final double MIN_LON = -74.0;
    public static final double MAX_LON = -28.5;

    public Location {
        requireLat(lat);
        requireLon(lon);
    }

    public static double requireLat(double lat) {
        if (!(lat >= MIN_LAT && lat <= MAX_LAT)) {
            throw new IllegalArgumentException("lat: latitude fora do Brasil (deve estar entre -34 e 6)");
        }
        return lat;
    }

    public static double requireLon(double lon) {
        if (!(lon >= MIN_LON && lon <= MAX_LON)) {
            throw new IllegalArgumentException("lon: longitude fora do Brasil (deve estar entre -74 e -28,5)");
        }
        return lon;
    }

    public GeoPoint toFacts() {
        return new GeoPoint(lat, lon);
    }
}
