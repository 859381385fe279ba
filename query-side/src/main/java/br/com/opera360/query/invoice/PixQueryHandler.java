package br.com.opera360.query.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.invoice.GetInstallmentPix;
import br.com.opera360.kernel.invoice.GetInvoicePix;
import br.com.opera360.kernel.invoice.InstallmentPix;
import br.com.opera360.kernel.invoice.InvoicePix;
import br.com.opera360.kernel.invoice.PixTxid;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The Pix of an unpaid invoice (its current amount due) or of an unpaid installment (its amount). Like every read,
 * filtered by account: another account's invoice or negotiation is simply not found.
 */
@Component
class PixQueryHandler {
    private final ReactiveMongoTemplate mongo;
    private final PixCharges charges;
    private final Clock clock;

    PixQueryHandler(ReactiveMongoTemplate mongo, PixCharges charges, Clock clock) {
        this.mongo = mongo;
        this.charges = charges;
        this.clock = clock;
    }

    @QueryHandler
    CompletableFuture<InvoicePix> handle(GetInvoicePix q) {
        LocalDate today = LocalDate.now(clock);
        return findInvoice(q.accountId(), q.invoiceId().value())
                .map(v -> {
                    var answer = new InvoicePix(v.status(today), v.number(), null);
                    if (!answer.payable()) return answer;
                    return new InvoicePix(answer.status(), v.number(), charges.charge(v.issuerCnpj(),
                            InvoiceAnswers.money(v.amountDueCents()), PixTxid.forInvoice(q.accountId(), v.number())));
                })
                .toFuture();
    }

    /** The receiver is the one of the issuer of the negotiation's first invoice. */
    @QueryHandler
    CompletableFuture<InstallmentPix> handle(GetInstallmentPix q) {
        LocalDate today = LocalDate.now(clock);
        return mongo.findOne(query(where("_id").is(q.negotiationId().value()).and("accountId").is(q.accountId().value())), NegotiationView.class)
                .flatMap(n -> Mono.justOrEmpty(n.installments().stream().filter(i -> i.number() == q.installment()).findFirst())
                        .flatMap(installment -> {
                            String paidOn = n.payments() == null ? null : n.payments().get(String.valueOf(installment.number()));
                            var status = InstallmentStatus.of(LocalDate.parse(installment.dueDate()),
                                    paidOn == null ? null : LocalDate.parse(paidOn), today);
                            if (status == InstallmentStatus.PAID) {
                                return Mono.just(new InstallmentPix(status, n.reference(), installment.number(), null));
                            }
                            var txid = PixTxid.forInstallment(q.accountId(), n.reference(), installment.number());
                            var amount = InvoiceAnswers.money(installment.amountCents());
                            return firstInvoiceIssuer(q.accountId(), n)
                                    .map(cnpj -> new InstallmentPix(status, n.reference(), installment.number(), charges.charge(cnpj, amount, txid)))
                                    .defaultIfEmpty(new InstallmentPix(status, n.reference(), installment.number(), charges.charge(null, amount, txid)));
                        }))
                .toFuture();
    }

    private Mono<String> firstInvoiceIssuer(AccountId account, NegotiationView n) {
        if (n.invoices() == null || n.invoices().isEmpty()) return Mono.empty();
        return findInvoice(account, n.invoices().get(0).invoiceId()).mapNotNull(InvoiceView::issuerCnpj);
    }

    private Mono<InvoiceView> findInvoice(AccountId account, String invoiceId) {
        return mongo.findOne(query(where("_id").is(invoiceId).and("accountId").is(account.value())), InvoiceView.class);
    }
}
