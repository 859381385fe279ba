package br.com.opera360.query.account;

import br.com.opera360.kernel.account.AccountDetails;
import br.com.opera360.kernel.account.GetAccount;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@Component
class AccountQueryHandler {
    private final ReactiveMongoTemplate mongo;

    AccountQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CompletableFuture<AccountDetails> handle(GetAccount q) {
        return mongo.findOne(query(where("_id").is(q.accountId().value())), AccountView.class)
                    .map(AccountView::toDetails)
                    .toFuture();
    }
}
