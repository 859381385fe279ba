package br.com.opera360.query.invoice;

import br.com.opera360.kernel.negotiation.GetNegotiation;
import br.com.opera360.kernel.negotiation.NegotiationDetails;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A negotiation of the caller's account, with its installments' calendar-derived status as of today. */
@Component
class NegotiationQueryHandler {
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    NegotiationQueryHandler(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @QueryHandler
    CompletableFuture<NegotiationDetails> handle(GetNegotiation q) {
        LocalDate today = LocalDate.now(clock);
        var own = query(where("_id").is(q.negotiationId().value()).and("accountId").is(q.accountId().value()));
        return mongo.findOne(own, NegotiationView.class).map(n -> InvoiceAnswers.negotiation(n, today)).toFuture();
    }
}
