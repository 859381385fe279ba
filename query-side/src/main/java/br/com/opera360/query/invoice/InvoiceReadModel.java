package br.com.opera360.query.invoice;

import br.com.opera360.query.common.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;

/** The collections of the "invoice" processing group and their indexes (see {@link ReadModel}). */
@Component
class InvoiceReadModel implements ReadModel {

    @Override
    public String group() {
        return "invoice";
    }

    @Override
    public List<String> collections() {
        return List.of(InvoiceView.COLLECTION, NegotiationView.COLLECTION, NotaFiscalView.COLLECTION, PayerView.COLLECTION);
    }

    /**
     * Every list query filters on accountId (equality first), optionally on state, and sorts by one field with the
     * number as tie-breaker; these compound indexes serve each sort in both directions on real MongoDB.
     */
    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        var invoices = mongo.indexOps(InvoiceView.class);
        for (String sortField : new String[]{"dueDate", "issueDate", "totalCents"}) {
            invoices.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on(sortField, Sort.Direction.ASC)
                    .on("number", Sort.Direction.ASC).named("account_" + sortField));
            invoices.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                    .on(sortField, Sort.Direction.ASC).on("number", Sort.Direction.ASC).named("account_state_" + sortField));
        }
        mongo.indexOps(NegotiationView.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("reference", Sort.Direction.ASC).named("account_reference"));
    }
}
