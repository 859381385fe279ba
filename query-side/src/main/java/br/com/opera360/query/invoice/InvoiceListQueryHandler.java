package br.com.opera360.query.invoice;

import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.invoice.CountInvoices;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The invoice list and its totals. The account is part of every filter; the status filter becomes dueDate
 * conditions computed from today, so list, filter, summary and sorting always agree.
 */
@Component
class InvoiceListQueryHandler {
    static final int EXPORT_BATCH = 1000;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    InvoiceListQueryHandler(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @QueryHandler
    CompletableFuture<InvoicePage> handle(FindInvoices q) {
        LocalDate today = LocalDate.now(clock);
        Query filter = query(listCriteria(q, today));
        var page = Query.of(filter).with(sort(q)).skip(q.page().offset()).limit(q.page().size());
        Mono<List<InvoiceListItem>> items = mongo.find(page, InvoiceView.class).map(v -> InvoiceAnswers.listItem(v, today)).collectList();
        Mono<Long> total = mongo.count(filter, InvoiceView.class);
        return Mono.zip(items, total)
                   .map(t -> new InvoicePage(t.getT1(), q.page().page(), q.page().size(), t.getT2(),
                           (int) ((t.getT2() + q.page().size() - 1) / q.page().size())))
                   .toFuture();
    }

    /**
     * Exports: the list's filters and order over one cursor, which the driver reads batch by batch as the consumer asks
     * (never the whole result in this process). Items are not needed for list rows and stay in the store.
     */
    @QueryHandler
    Flux<InvoiceListItem> handle(ExportInvoices q) {
        LocalDate today = LocalDate.now(clock);
        Query all = query(listCriteria(q.list(), today)).with(sort(q.list())).cursorBatchSize(EXPORT_BATCH);
        // only what a list row shows, read as plain documents: the entity conversion of the whole view was most of
        // this process's own cost per row
        all.fields().include(InvoiceAnswers.LIST_FIELDS.toArray(String[]::new));
        return mongo.find(all, Document.class, mongo.getCollectionName(InvoiceView.class))
                    .map(d -> InvoiceAnswers.listItem(d, today));
    }

    /** A count alone: no sort, so the store only counts. */
    @QueryHandler
    CompletableFuture<Long> handle(CountInvoices q) {
        return mongo.count(query(listCriteria(q.list(), LocalDate.now(clock))), InvoiceView.class).toFuture();
    }

    static Criteria listCriteria(FindInvoices q, LocalDate today) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("accountId").is(q.accountId().value()));
        if (q.year() != null) {
            LocalDate from = q.month() != null ? LocalDate.of(q.year(), q.month(), 1) : LocalDate.of(q.year(), 1, 1);
            LocalDate to = q.month() != null ? YearMonth.of(q.year(), q.month()).atEndOfMonth() : LocalDate.of(q.year(), 12, 31);
            all.add(where("issueDate").gte(from.toString()).lte(to.toString()));
        }
        if (q.dueDate() != null) all.add(where("dueDate").is(q.dueDate().toString()));
        if (q.dueFrom() != null) all.add(where("dueDate").gte(q.dueFrom().toString()));
        if (q.dueTo() != null) all.add(where("dueDate").lte(q.dueTo().toString()));
        if (!q.statuses().isEmpty() && q.statuses().size() < InvoiceStatus.values().length) {
            var statuses = q.statuses().stream().sorted().map(s -> statusCriteria(s, today)).toArray(Criteria[]::new);
            all.add(statuses.length == 1 ? statuses[0] : new Criteria().orOperator(statuses));
        }
        return all.size() == 1 ? all.get(0) : new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    /** OPEN: unpaid and due today or later; PENDING: unpaid and due before today. */
    static Criteria statusCriteria(InvoiceStatus status, LocalDate today) {
        return switch (status) {
            case OPEN -> where("state").is(InvoiceView.UNPAID).and("dueDate").gte(today.toString());
            case PENDING -> where("state").is(InvoiceView.UNPAID).and("dueDate").lt(today.toString());
            case INSTALLMENT -> where("state").is(InvoiceView.INSTALLMENT);
            case PAID -> where("state").is(InvoiceView.PAID);
        };
    }

    private static Sort sort(FindInvoices q) {
        String field = switch (q.sortBy()) {
            case DUE_DATE -> "dueDate";
            case ISSUE_DATE -> "issueDate";
            case TOTAL_AMOUNT -> "totalCents";
        };
        var direction = q.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        // the number breaks ties, so that pages never overlap or skip an invoice
        return Sort.by(direction, field).and(Sort.by(direction, "number"));
    }

    @QueryHandler
    CompletableFuture<List<InvoiceStatusTotal>> handle(GetInvoiceSummary q) {
        LocalDate today = LocalDate.now(clock);
        // one aggregation per status, side by side (each on its own index range), answered in the statuses' order
        return Flux.fromArray(InvoiceStatus.values())
                   .flatMapSequential(status -> mongo.aggregate(newAggregation(
                                   match(new Criteria().andOperator(where("accountId").is(q.accountId().value()), statusCriteria(status, today))),
                                   group().count().as("count").sum("totalCents").as("amount").sum("amountDueCents").as("amountDue")),
                                   mongo.getCollectionName(InvoiceView.class), Document.class)
                           .next()
                           .map(d -> new InvoiceStatusTotal(status, number(d, "count"), InvoiceAnswers.money(number(d, "amount")), InvoiceAnswers.money(number(d, "amountDue"))))
                           .defaultIfEmpty(new InvoiceStatusTotal(status, 0, InvoiceAnswers.money(0), InvoiceAnswers.money(0))))
                   .collectList()
                   .toFuture();
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
