package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Ingested;
import br.com.opera360.web.common.Commands;
import br.com.opera360.web.common.IngestionAnswer;
import br.com.opera360.web.common.IngestionType;
import br.com.opera360.web.common.SingleIngestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Billing pushes invoices, payments, negotiations, installment payments and Notas Fiscais (X-Api-Key). */
@RestController
@RequestMapping(path = "/api/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ingestão: faturas", description = "Faturas, pagamentos, negociações e Notas Fiscais enviados pelo faturamento (X-Api-Key)")
class InvoiceIngestionController implements IngestionType.Provider {
    private final Commands commands;
    private final SingleIngestions ingestions;

    InvoiceIngestionController(Commands commands, SingleIngestions ingestions) {
        this.commands = commands;
        this.ingestions = ingestions;
    }

    @Override
    public List<IngestionType<?>> ingestionTypes() {
        return List.of(new IngestionType<>("invoice", RegisterInvoiceRequest.class, this::invoiceOf),
                new IngestionType<>("payment", RecordPaymentRequest.class, this::paymentOf),
                new IngestionType<>("negotiation", NegotiateInstallmentsRequest.class, this::negotiationOf),
                new IngestionType<>("installmentPayment", RecordInstallmentPaymentRequest.class, this::installmentPaymentOf),
                new IngestionType<>("notaFiscal", AttachNotaFiscalRequest.class, this::notaFiscalOf));
    }

    @Operation(summary = "Registra uma fatura (201; reenvio idêntico 200; outros dados para o mesmo número 409)")
    @PostMapping("/invoices")
    Mono<ResponseEntity<Object>> invoice(@RequestBody RegisterInvoiceRequest body) {
        return ingestions.run(invoiceOf(body)).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> invoiceOf(RegisterInvoiceRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> send(cmd, () -> Map.of("number", cmd.number())));
    }

    @Operation(summary = "Registra um pagamento de fatura")
    @PostMapping("/payments")
    Mono<ResponseEntity<Object>> payment(@RequestBody RecordPaymentRequest body) {
        return ingestions.run(paymentOf(body)).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> paymentOf(RecordPaymentRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> send(cmd, () -> {
                       Map<String, Object> answer = new LinkedHashMap<>();
                       answer.put("invoiceNumber", body.invoiceNumber().strip());
                       if (cmd.paymentId() != null) answer.put("paymentId", cmd.paymentId());
                       return answer;
                   }));
    }

    @Operation(summary = "Registra a negociação (parcelamento) de faturas pendentes")
    @PostMapping("/negotiations")
    Mono<ResponseEntity<Object>> negotiation(@RequestBody NegotiateInstallmentsRequest body) {
        return ingestions.run(negotiationOf(body)).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> negotiationOf(NegotiateInstallmentsRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> send(cmd, () -> Map.of("negotiationId", cmd.reference())));
    }

    @Operation(summary = "Registra o pagamento de uma parcela de negociação")
    @PostMapping("/installment-payments")
    Mono<ResponseEntity<Object>> installmentPayment(@RequestBody RecordInstallmentPaymentRequest body) {
        return ingestions.run(installmentPaymentOf(body)).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> installmentPaymentOf(RecordInstallmentPaymentRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> send(cmd, () -> Map.of("negotiationId", body.negotiationId().strip(),
                           "installmentNumber", cmd.installmentNumber())));
    }

    @Operation(summary = "Anexa a Nota Fiscal de uma fatura (o XML é guardado exatamente como enviado)")
    @PostMapping("/notas-fiscais")
    Mono<ResponseEntity<Object>> notaFiscal(@RequestBody AttachNotaFiscalRequest body) {
        return ingestions.run(notaFiscalOf(body)).map(IngestionAnswer::toResponse);
    }

    Mono<IngestionAnswer> notaFiscalOf(AttachNotaFiscalRequest body) {
        return Mono.fromCallable(body::toCommand)
                   .flatMap(cmd -> send(cmd, () -> Map.of("invoiceNumber", body.invoiceNumber().strip(),
                           "accessKey", cmd.accessKey().value())));
    }

    private Mono<IngestionAnswer> send(Object command, Supplier<Map<String, Object>> answer) {
        return commands.<Ingested>send(command).map(r -> IngestionAnswer.of(r.created(), answer.get()));
    }
}
