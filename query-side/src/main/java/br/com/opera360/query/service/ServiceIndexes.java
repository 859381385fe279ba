package br.com.opera360.query.service;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Indexes a real MongoDB needs for the service list (every filter starts with the account), the per-CEP services
 * and the map's range filter. The embedded store accepts and ignores them.
 */
@Component
class ServiceIndexes implements SmartInitializingSingleton {
    private final MongoTemplate mongo;

    ServiceIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var services = mongo.indexOps(ServiceView.class);
        services.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("designationKey", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("account_designation"));
        for (String field : new String[]{"status", "serviceType", "contract", "clientCode", "speedMbps", "address.cep"}) {
            services.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on(field, Sort.Direction.ASC)
                    .named("account_" + field.replace('.', '_')));
        }
        services.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("address.state", Sort.Direction.ASC)
                .on("cityKey", Sort.Direction.ASC).named("account_state_city"));
        mongo.indexOps(ServiceMapView.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("lat", Sort.Direction.ASC).on("lon", Sort.Direction.ASC).named("account_lat_lon"));
    }
}
