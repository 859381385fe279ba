package br.com.opera360.query.account;

import br.com.opera360.kernel.account.AccountRegistered;
import br.com.opera360.kernel.user.UserCreated;
import br.com.opera360.query.common.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Idempotent: every write is guarded by the source aggregate's sequence ({@code versions.<aggregateId>}), so a
 * redelivered event (after a crash between the write and the token update) changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.ACCOUNT)
class AccountProjection {
    private final MongoTemplate mongo;
    AccountProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountRegistered e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.accountId(), e.accountId(), seq, new Update()
                .set("cnpj", e.cnpj())
                .set("companyName", e.companyName())
                .set("administratorId", e.administratorId())
                .set("registeredAt", at));
    }

    @EventHandler
    void on(UserCreated e, @SequenceNumber long seq) {
        if (!e.administrator()) return;
        apply(e.accountId(), e.userId(), seq, new Update()
                .set("administratorName", e.name())
                .set("administratorEmail", e.email()));
    }

    private void apply(String accountId, String source, long seq, Update update) {
        String version = "versions." + source;
        var guard = query(where("_id").is(accountId)
                .orOperator(where(version).exists(false), where(version).lt(seq)));
        var result = mongo.updateFirst(guard, update.set(version, seq), AccountView.class);
        if (result.getMatchedCount() == 0 && !mongo.exists(query(where("_id").is(accountId)), AccountView.class)) {
            // first event for this account: create the document; a concurrent insert of the same id is impossible
            // because one processor segment owns the account's events
            mongo.upsert(query(where("_id").is(accountId)), update, AccountView.class);
        }
    }

    @ResetHandler
    void reset() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), AccountView.class);
    }
}
