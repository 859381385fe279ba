package br.com.opera360.query.user;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CompanyView} in the {@value ProcessingGroups#IDENTITY} group. A registration is written once and never
 * changes, so a redelivered event writes the same document again (idempotent save).
 */
@Component
@ProcessingGroup(ProcessingGroups.IDENTITY)
class CompanyProjection {
    private final MongoTemplate mongo;

    CompanyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountRegistered e) {
        mongo.save(new CompanyView(e.accountId(), e.companyName(), e.cnpj()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), CompanyView.class);
    }
}
