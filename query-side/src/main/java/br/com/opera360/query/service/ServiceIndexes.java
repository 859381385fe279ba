package br.com.opera360.query.service;

import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Indexes a real MongoDB needs for the service list (every filter starts with the account), the per-CEP services
 * and the map's range filter. The embedded store accepts and ignores them. The "service" group's read model.
 */
@Component
class ServiceIndexes implements ReadModel {

    @Override
    public String group() {
        return ProcessingGroups.SERVICE;
    }

    @Override
    public List<String> collections() {
        return List.of(ServiceView.COLLECTION, ServiceMapView.COLLECTION);
    }

    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        var services = mongo.indexOps(ServiceView.class);
        // the list sorts by designation and filters on any of these fields: all of them in one index, after the sort
        // keys, decide the filter on index keys (the text filters too), so only the page's documents are read
        var list = new Index().on("accountId", Sort.Direction.ASC).on("designationKey", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC);
        for (String field : new String[]{"status", "serviceType", "address.state", "cityKey", "contract", "clientCode", "speedMbps"}) {
            list.on(field, Sort.Direction.ASC);
        }
        services.ensureIndex(list.named("account_designation_filters"));
        services.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("address.cep", Sort.Direction.ASC)
                .on("designationKey", Sort.Direction.ASC).named("account_cep_designation"));
        mongo.indexOps(ServiceMapView.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("lat", Sort.Direction.ASC).on("lon", Sort.Direction.ASC).named("account_lat_lon"));
    }
}
