package br.com.opera360.query.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.BoletoDetails;
import br.com.opera360.kernel.invoice.GetBoleto;
import br.com.opera360.kernel.invoice.GetInvoice;
import br.com.opera360.kernel.invoice.GetInvoiceItems;
import br.com.opera360.kernel.invoice.GetInvoiceService;
import br.com.opera360.kernel.invoice.GetNotaFiscal;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceItems;
import br.com.opera360.kernel.invoice.InvoiceServiceDetails;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.NotaFiscalDocument;
import br.com.opera360.kernel.invoice.PixTxid;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * One invoice, read reactively: its detail, services, boleto and Nota Fiscal. The account is part of every filter
 * (another account's invoice is simply not found); calendar-derived values are computed here from today.
 */
@Component
class InvoiceQueryHandler {
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final PixCharges pix;

    InvoiceQueryHandler(ReactiveMongoTemplate mongo, Clock clock, PixCharges pix) {
        this.mongo = mongo;
        this.clock = clock;
        this.pix = pix;
    }

    @QueryHandler
    CompletableFuture<InvoiceDetails> handle(GetInvoice q) {
        LocalDate today = LocalDate.now(clock);
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .flatMap(v -> {
                    if (v.negotiationId() == null || !InvoiceView.INSTALLMENT.equals(v.state())) {
                        return Mono.just(InvoiceAnswers.details(v, null, today));
                    }
                    return findNegotiation(v.accountId(), v.negotiationId())
                            .map(n -> InvoiceAnswers.details(v, InvoiceAnswers.negotiation(n, today), today))
                            .defaultIfEmpty(InvoiceAnswers.details(v, null, today));
                })
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<InvoiceItems> handle(GetInvoiceItems q) {
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .map(v -> new InvoiceItems(v.number(), v.items().stream().map(l -> new InvoiceItems.Line(l.designation(),
                        l.serviceType(), l.description(), InvoiceAnswers.money(l.amountCents()), InvoiceAnswers.date(l.periodStart()), InvoiceAnswers.date(l.periodEnd()))).toList()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<InvoiceServiceDetails> handle(GetInvoiceService q) {
        return findInvoice(q.accountId().value(), q.invoiceId().value())
                .flatMap(v -> {
                    var lines = v.items().stream().filter(l -> l.designation().equals(q.designation())).toList();
                    if (lines.isEmpty()) return Mono.empty();
                    long total = lines.stream().mapToLong(InvoiceView.Line::amountCents).sum();
                    return Mono.just(new InvoiceServiceDetails(q.designation(), lines.get(0).serviceType(), InvoiceAnswers.money(total),
                            lines.stream().map(l -> new InvoiceServiceDetails.Item(l.description(), InvoiceAnswers.money(l.amountCents()),
                                    InvoiceAnswers.date(l.periodStart()), InvoiceAnswers.date(l.periodEnd()))).toList()));
                })
                .toFuture();
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
        BigDecimal amount = InvoiceAnswers.money(v.amountDueCents());
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
}
