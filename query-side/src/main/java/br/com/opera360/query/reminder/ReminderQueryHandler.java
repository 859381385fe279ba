package br.com.opera360.query.reminder;

import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.reminder.FindScheduledReminders;
import br.com.opera360.kernel.reminder.GetReminderSettings;
import br.com.opera360.kernel.reminder.ReminderSettings;
import br.com.opera360.kernel.reminder.ScheduledReminder;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@Component
class ReminderQueryHandler {
    private final ReactiveMongoTemplate mongo;

    ReminderQueryHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CompletableFuture<ReminderSettings> handle(GetReminderSettings q) {
        return mongo.findById(q.accountId().value(), ReminderSettingsView.class)
                    .map(v -> new ReminderSettings(v.enabled(), v.daysBefore(), v.onOverdue()))
                    .defaultIfEmpty(ReminderSettings.DEFAULT)
                    .toFuture();
    }

    @QueryHandler
    CompletableFuture<List<ScheduledReminder>> handle(FindScheduledReminders q) {
        var due = query(where("dueDate").gte(q.dueFrom().toString()).lte(q.dueTo().toString()).and("cancelled").is(false))
                .with(Sort.by("accountId", "dueDate", "number"));
        return mongo.find(due, ReminderScheduleView.class)
                    .map(v -> new ScheduledReminder(v.accountId(), v.number(), LocalDate.parse(v.dueDate()),
                            Money.ofCents(v.amountDueCents()).value()))
                    .collectList()
                    .toFuture();
    }
}
