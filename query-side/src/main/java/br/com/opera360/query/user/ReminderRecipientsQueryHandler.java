package br.com.opera360.query.user;

import br.com.opera360.kernel.common.Functionality;
import br.com.opera360.kernel.reminder.FindReminderRecipients;
import br.com.opera360.kernel.reminder.ReminderRecipient;
import br.com.opera360.query.common.ProcessingGroups;
import br.com.opera360.query.common.ReadModelGenerations;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Who receives due-date digests: the account's active users whose profile holds INVOICES_VIEW, as of now. */
@Component
class ReminderRecipientsQueryHandler {
    private final ReactiveMongoTemplate mongo;

    ReminderRecipientsQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CompletableFuture<List<ReminderRecipient>> handle(FindReminderRecipients q) {
        String account = q.accountId().value();
        return mongo.find(query(where("accountId").is(account).and("functionalities").is(Functionality.INVOICES_VIEW.name())),
                        Document.class, ReadModelGenerations.collection(ProcessingGroups.IDENTITY, "profiles"))
                    .collectMap(p -> p.getString("_id"),
                            p -> p.getList("functionalities", String.class, List.of()).contains(Functionality.INVOICES_BOLETO.name()))
                    .flatMap(boletoByProfile -> mongo.find(query(where("accountId").is(account).and("status").is("ACTIVE")
                                                                 .and("profileId").in(boletoByProfile.keySet()))
                                                                 .with(Sort.by("_id")), UserView.class)
                            .map(u -> new ReminderRecipient(u.id(), u.name(), u.email(), boletoByProfile.get(u.profileId())))
                            .collect(Collectors.toList()))
                    .toFuture();
    }
}
