package br.com.opera360.web.service;

import br.com.opera360.kernel.service.Location;
import br.com.opera360.web.common.Fields;

record LocationBody(Double lat, Double lon) {

    static Location parse(LocationBody body, String prefix, Fields fields) {
        if (body == null) return null;
        Double lat = fields.parse(prefix + ".lat", () -> Location.requireLat(body.lat()));
        Double lon = fields.parse(prefix + ".lon", () -> Location.requireLon(body.lon()));
        return lat == null || lon == null ? null : new Location(lat, lon);
    }
}
