package br.com.opera360.query.invoice;

import br.com.opera360.query.common.ProcessingGroups;
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
        return ProcessingGroups.INVOICE;
    }

    @Override
    public List<String> collections() {
        return List.of(InvoiceView.COLLECTION, NegotiationView.COLLECTION, NotaFiscalView.COLLECTION, PayerView.COLLECTION);
    }

    /**
     * Every list query filters on accountId (equality first), optionally on state (a status is state plus a due-date
     * range), on issueDate (year/month) and on dueDate, and sorts by one field with the number as tie-breaker. Each
     * index holds every filtered field after its sort keys, so the filter is decided on index keys and only the
     * page's documents are read: per sort field one index led by the account and one led by account and state, and
     * one led by the issue date for the year/month filter, whose page is sorted on its keys. Names carry the
     * shape: a changed key list is a new index, never a conflicting redefinition of an existing one.
     */
    @Override
    public void ensureIndexes(MongoTemplate mongo) {
        var invoices = mongo.indexOps(InvoiceView.class);
        for (String sortField : new String[]{"dueDate", "issueDate", "totalCents"}) {
            invoices.ensureIndex(covering(new Index().on("accountId", Sort.Direction.ASC), sortField)
                    .named("account_" + sortField + "_filters"));
            invoices.ensureIndex(covering(new Index().on("accountId", Sort.Direction.ASC).on("state", Sort.Direction.ASC), sortField)
                    .named("account_state_" + sortField + "_filters"));
        }
        invoices.ensureIndex(new Index().on("accountId", Sort.Direction.ASC).on("issueDate", Sort.Direction.ASC)
                .on("dueDate", Sort.Direction.ASC).on("totalCents", Sort.Direction.ASC).on("number", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).named("account_issued_filters"));
        mongo.indexOps(NegotiationView.class).ensureIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("reference", Sort.Direction.ASC).named("account_reference"));
    }

    /**
     * The sort key, the number as tie-breaker, then the filtered fields the sort key is not, and the amounts the
     * summary adds up (so the summary, too, reads index keys only).
     */
    private static Index covering(Index index, String sortField) {
        index.on(sortField, Sort.Direction.ASC).on("number", Sort.Direction.ASC);
        for (String filtered : new String[]{"state", "issueDate", "dueDate", "totalCents", "amountDueCents"}) {
            if (!filtered.equals(sortField)) index.on(filtered, Sort.Direction.ASC);
        }
        return index;
    }
}
