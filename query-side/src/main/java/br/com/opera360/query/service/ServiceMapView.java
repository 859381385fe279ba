package br.com.opera360.query.service;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One map circle: the located services of one account at one CEP ({@code members}, by designation), their count and
 * mean location. Always recomputed from {@code members}, never incremented, so re-applying an event changes nothing
 * and the mean carries no rounding drift. {@code revision} guards concurrent rewrites.
 */
@Document("#{T(br.com.opera360.query.common.ReadModelGenerations).collection('service', 'service_map')}")
record ServiceMapView(@Id String id, String accountId, String cep, double lat, double lon, int count, String street,
                      String district, String city, String state, List<Member> members, long revision) {
    static final String COLLECTION = "service_map";

    static String idOf(String accountId, String cep) {
        return accountId + ":" + cep;
    }

    record Member(String designation, double lat, double lon, String street, String district, String city, String state) {
    }
}
