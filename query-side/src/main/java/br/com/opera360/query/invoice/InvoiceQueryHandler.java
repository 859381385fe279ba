package br.com.opera360.query.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.export.ExportInvoices;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.CountInvoices;
import br.com.opera360.kernel.invoice.FindInvoices;
import br.com.opera360.kernel.invoice.GetBoleto;
import br.com.opera360.kernel.invoice.GetInvoice;
import br.com.opera360.kernel.invoice.GetInvoiceAsOf;
import br.com.opera360.kernel.invoice.GetInvoiceItems;
import br.com.opera360.kernel.invoice.GetInvoiceService;
import br.com.opera360.kernel.invoice.GetInvoiceSummary;
import br.com.opera360.kernel.invoice.GetNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.invoice.InvoicePage;
import br.com.opera360.kernel.invoice.InvoiceServiceDetails;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.InvoiceStatusTotal;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.kernel.invoice.PixTxid;
import br.com.opera360.kernel.negotiation.GetNegotiation;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import br.com.opera360.kernel.negotiation.NegotiationDetails;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reads invoices reactively. The account is part of every filter (another account's invoice is simply not found).
 * Calendar-derived values (OPEN/PENDING, days overdue, OVERDUE installments) are computed here from today, and the
 * status filter becomes dueDate conditions computed from today, so list, filter, summary and sorting always agree.
 */
@Component
class InvoiceQueryHandler {
    static final int EXPORT_BATCH = 1000;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final EventStore events;
    private final PixCharges pix;

    InvoiceQueryHandler(ReactiveMongoTemplate mongo, Clock clock, EventStore events, PixCharges pix) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        this.pix = pix;
    }

    @QueryHandler
    CompletableFuture<InvoicePage> handle(FindInvoices q) {
        LocalDate today = LocalDate.now(clock);
        Query filter = query(listCriteria(q, today));
        var page = Query.of(filter).with(sort(q)).skip(q.page().offset()).limit(q.page().size());
        Mono<List<InvoiceListItem>> items = mongo.find(page, InvoiceView.class).map(v -> listItem(v, today)).collectList();
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
        all.fields().exclude("items");
        return mongo.find(all, InvoiceView.class).map(v -> listItem(v, today));
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

    static InvoiceListItem listItem(InvoiceView v, LocalDate today) {
        InvoiceStatus status = v.status(today);
        LocalDate due = LocalDate.parse(v.dueDate());
        return new InvoiceListItem(v.number(), LocalDate.parse(v.issueDate()), due, money(v.totalCents()),
                money(v.amountDueCents()), v.issuer(), status, status.label(),
                status == InvoiceStatus.PENDING ? (int) ChronoUnit.DAYS.between(due, today) : null,
                status == InvoiceStatus.OPEN ? (int) ChronoUnit.DAYS.between(today, due) : null);
    }

    @QueryHandler
    CompletableFuture<List<InvoiceStatusTotal>> handle(GetInvoiceSummary q) {
        LocalDate today = LocalDate.now(clock);
        return Flux.fromArray(InvoiceStatus.values())
                   .concatMap(status -> mongo.aggregate(newAggregation(
                                   match(new Criteria().andOperator(where("accountId").is(q.accountId().value()), statusCriteria(status, today))),
                                   group().count().as("count").sum("totalCents").as("amount").sum("amountDueCents").as("amountDue")),
                                   mongo.getCollectionName(InvoiceView.class), Document.class)
                           .next()
                           .map(d -> new InvoiceStatusTotal(status, number(d, "count"), money(number(d, "amount")), money(number(d, "amountDue"))))
                           .defaultIfEmpty(new InvoiceStatusTotal(status, 0, money(0), money(0))))
                   .collectList()
                   .toFuture();
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    @QueryHandler
    CompletableFuture<InvoiceDetails> handle(GetInvoice q) {
        LocalDate today = LocalDate.now(clock);
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .flatMap(v -> {
                    if (v.negotiationId() == null || !InvoiceView.INSTALLMENT.equals(v.state())) {
                        return Mono.just(details(v, null, today));
                    }
                    return findNegotiation(v.accountId(), v.negotiationId())
                            .map(n -> details(v, negotiation(n, today), today))
                            .defaultIfEmpty(details(v, null, today));
                })
                .toFuture();
    }

    /**
     * Folds the invoice's events up to {@code asOf} with the projection's own transitions ({@link InvoiceEvolution}),
     * and its negotiation's when it was negotiated by then; calendar-derived values (PENDING, days overdue, OVERDUE
     * installments) are those of that instant's day in São Paulo.
     */
    @QueryHandler
    CompletableFuture<InvoiceDetails> handle(GetInvoiceAsOf q) {
        // reading the event store blocks: never on the caller's (event loop) thread
        return Mono.fromCallable(() -> {
                       InvoiceView invoice = fold(q.invoiceId().value(), q.asOf(), InvoiceEvolution::invoice);
                       if (invoice == null || !invoice.accountId().equals(q.accountId().value())) return null;
                       LocalDate day = LocalDate.ofInstant(q.asOf(), clock.getZone());
                       NegotiationView negotiation = InvoiceView.INSTALLMENT.equals(invoice.state())
                               ? fold(invoice.negotiationId(), q.asOf(), InvoiceEvolution::negotiation) : null;
                       return details(invoice, negotiation == null ? null : negotiation(negotiation, day), day);
                   })
                   .subscribeOn(Schedulers.boundedElastic())
                   .toFuture();
    }

    private <V> V fold(String aggregateId, Instant asOf, InvoiceEvolution.Step<V> evolution) {
        V state = null;
        // from sequence 0: the plain readEvents(id) would start at a snapshot, which is no event of the view
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!event.getTimestamp().isAfter(asOf)) state = evolution.apply(state, event.getPayload(), event.getSequenceNumber());
        }
        return state;
    }

    private static InvoiceDetails details(InvoiceView v, NegotiationDetails negotiation, LocalDate today) {
        var item = listItem(v, today);
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (var line : v.items()) {
            totals.computeIfAbsent(line.designation(), k -> new long[1])[0] += line.amountCents();
            types.putIfAbsent(line.designation(), line.serviceType());
        }
        var services = totals.entrySet().stream()
                .map(e -> new InvoiceDetails.Service(e.getKey(), types.get(e.getKey()), money(e.getValue()[0]))).toList();
        var status = item.status();
        return new InvoiceDetails(item.number(), item.issueDate(), item.dueDate(), item.totalAmount(), item.amountDue(),
                item.issuer(), v.issuerCnpj(), status, item.statusLabel(), item.daysOverdue(), item.daysUntilDue(), services,
                status == InvoiceStatus.PENDING ? new InvoiceDetails.Pending(item.dueDate(), item.daysOverdue(), item.amountDue()) : null,
                status == InvoiceStatus.OPEN ? new InvoiceDetails.Open(item.dueDate(), item.daysUntilDue()) : null,
                status == InvoiceStatus.INSTALLMENT ? negotiation : null,
                status == InvoiceStatus.PAID ? new InvoiceDetails.Paid(LocalDate.parse(v.paidOn()), money(v.amountPaid())) : null);
    }

    @QueryHandler
    CompletableFuture<InvoiceItems> handle(GetInvoiceItems q) {
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .map(v -> new InvoiceItems(v.number(), v.items().stream().map(l -> new InvoiceItems.Line(l.designation(),
                        l.serviceType(), l.description(), money(l.amountCents()), date(l.periodStart()), date(l.periodEnd()))).toList()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<InvoiceServiceDetails> handle(GetInvoiceService q) {
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .flatMap(v -> {
                    var lines = v.items().stream().filter(l -> l.designation().equals(q.designation())).toList();
                    if (lines.isEmpty()) return Mono.empty();
                    long total = lines.stream().mapToLong(InvoiceView.Line::amountCents).sum();
                    return Mono.just(new InvoiceServiceDetails(q.designation(), lines.get(0).serviceType(), money(total),
                            lines.stream().map(l -> new InvoiceServiceDetails.Item(l.description(), money(l.amountCents()),
                                    date(l.periodStart()), date(l.periodEnd()))).toList()));
                })
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<NegotiationDetails> handle(GetNegotiation q) {
        LocalDate today = LocalDate.now(clock);
        return findNegotiation(q.accountId().value(), q.negotiationId().value()).map(n -> negotiation(n, today)).toFuture();
    }

    static NegotiationDetails negotiation(NegotiationView n, LocalDate today) {
        var invoices = n.invoices().stream().map(i -> new NegotiationDetails.NegotiatedInvoice(i.number(),
                LocalDate.parse(i.dueDate()), money(i.totalCents()), money(i.amountDueCents()))).toList();
        var installments = n.installments().stream().sorted(Comparator.comparingInt(NegotiationView.Installment::number))
                .map(i -> {
                    LocalDate due = LocalDate.parse(i.dueDate());
                    LocalDate paidOn = date(n.payments() == null ? null : n.payments().get(String.valueOf(i.number())));
                    return new NegotiationDetails.InstallmentDetails(i.number(), due, money(i.amountCents()),
                            InstallmentStatus.of(due, paidOn, today), paidOn);
                }).toList();
        return new NegotiationDetails(n.reference(), LocalDate.parse(n.agreedOn()), installments.size(), invoices, installments);
    }

    @QueryHandler
    CompletableFuture<BoletoDetails> handle(GetBoleto q) {
        LocalDate today = LocalDate.now(clock);
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .flatMap(v -> mongo.findById(v.accountId(), PayerView.class)
                        .map(p -> new BoletoDetails.Party(p.name(), p.cnpj()))
                        .defaultIfEmpty(new BoletoDetails.Party(null, null))
                        .map(payer -> boleto(v, payer, today)))
                .toFuture();
    }

    private BoletoDetails boleto(InvoiceView v, BoletoDetails.Party payer, LocalDate today) {
        InvoiceStatus status = v.status(today);
        var beneficiary = new BoletoDetails.Party(v.issuer(), v.issuerCnpj());
        LocalDate due = LocalDate.parse(v.dueDate());
        BigDecimal amount = money(v.amountDueCents());
        if (status != InvoiceStatus.OPEN && status != InvoiceStatus.PENDING) {
            return new BoletoDetails(status, v.number(), null, null, null, amount, due, beneficiary, payer.name() == null ? null : payer, null, null);
        }
        BancoDoBrasilBoleto.Codes codes;
        try {
            codes = BancoDoBrasilBoleto.of(v.id(), v.number(), due, amount);
        } catch (IllegalArgumentException outOfRange) {
            // an amount above R$ 99.999.999,99 or a due date before 1997-10-07 has no FEBRABAN barcode: no codes
            return new BoletoDetails(status, v.number(), BancoDoBrasilBoleto.BANK, null, null, amount, due, beneficiary,
                    payer.name() == null ? null : payer, null, null);
        }
        // boleto híbrido: the same amount due, payable by Pix as well
        var charge = pix.charge(v.issuerCnpj(), amount, PixTxid.forInvoice(new AccountId(v.accountId()), v.number()));
        return new BoletoDetails(status, v.number(), BancoDoBrasilBoleto.BANK, codes.digitableLine(), codes.barcode(), amount,
                due, beneficiary, payer.name() == null ? null : payer, codes.ourNumber(), charge);
    }

    @QueryHandler
    CompletableFuture<NotaFiscalDocument> handle(GetNotaFiscal q) {
        return mongo.findOne(query(where("_id").is(q.invoiceId().value()).and("accountId").is(q.accountId().value())), NotaFiscalView.class)
                    .map(n -> new NotaFiscalDocument(n.invoiceNumber(), n.number(), n.series(), n.accessKey(),
                            LocalDate.parse(n.issuedOn()), n.xml()))
                    .toFuture();
    }

    private Mono<InvoiceView> findInvoice(String accountId, String invoiceId) {
        return mongo.findOne(query(where("_id").is(invoiceId).and("accountId").is(accountId)), InvoiceView.class);
    }

    private Mono<NegotiationView> findNegotiation(String accountId, String negotiationId) {
        return mongo.findOne(query(where("_id").is(negotiationId).and("accountId").is(accountId)), NegotiationView.class);
    }

    static BigDecimal money(long cents) {
        return Money.ofCents(cents).value();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
