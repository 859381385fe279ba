package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.GetInstallmentPix;
import br.com.opera360.kernel.invoice.GetInvoicePix;
import br.com.opera360.kernel.invoice.InstallmentPix;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.invoice.InvoicePix;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.invoice.PixDetails;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import br.com.opera360.kernel.negotiation.NegotiationId;
import br.com.opera360.web.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Pix for what the account owes: an unpaid invoice (its current amount due) or an unpaid installment of a
 * negotiation (its amount). JSON by default; with {@code Accept: image/png} or {@code image/svg+xml} the QR code.
 */
@RestController
@Tag(name = "Pix", description = "Pix Copia e Cola e QR code de faturas e parcelas em aberto")
class PixController {
    private static final int MAX_INSTALLMENT = 999;
    private final QueryGateway queries;

    PixController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Pix da fatura em aberto (OPEN ou PENDING) pelo valor devido atual: BR Code (copia e cola) em JSON, "
            + "ou o QR code com Accept: image/png ou image/svg+xml. Fatura paga ou parcelada, ou Pix não configurado: 409.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = PixDetails.class)),
            @Content(mediaType = "image/png"), @Content(mediaType = "image/svg+xml")})
    @GetMapping("/api/invoices/{number}/pix")
    @PreAuthorize("hasAuthority('INVOICES_BOLETO')")
    Mono<ResponseEntity<?>> invoice(@AuthenticationPrincipal PortalUser user, @PathVariable String number,
                                    ServerWebExchange exchange) {
        var format = PixFormat.of(exchange.getRequest().getHeaders().getAccept());
        if (!InvoiceNumber.isValid(number)) return Mono.error(Invoices::notFound);
        var query = new GetInvoicePix(user.accountId(), InvoiceId.of(user.accountId(), number));
        return Mono.fromFuture(() -> queries.query(query, InvoicePix.class))
                   .switchIfEmpty(Mono.error(Invoices::notFound))
                   .map(answer -> answer(pixOf(answer), format));
    }

    @Operation(summary = "Pix de uma parcela em aberto da negociação, pelo valor da parcela (JSON, ou o QR code com "
            + "Accept: image/png ou image/svg+xml). Parcela paga, ou Pix não configurado: 409.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = PixDetails.class)),
            @Content(mediaType = "image/png"), @Content(mediaType = "image/svg+xml")})
    @GetMapping("/api/negotiations/{id}/installments/{n}/pix")
    @PreAuthorize("hasAuthority('INVOICES_BOLETO')")
    Mono<ResponseEntity<?>> installment(@AuthenticationPrincipal PortalUser user, @PathVariable String id,
                                        @PathVariable String n, ServerWebExchange exchange) {
        var format = PixFormat.of(exchange.getRequest().getHeaders().getAccept());
        Integer installment = installmentNumber(n);
        if (!InvoiceNumber.isValid(id) || installment == null) return Mono.error(PixController::installmentNotFound);
        var query = new GetInstallmentPix(user.accountId(), NegotiationId.of(user.accountId(), id), installment);
        return Mono.fromFuture(() -> queries.query(query, InstallmentPix.class))
                   .switchIfEmpty(Mono.error(PixController::installmentNotFound))
                   .map(answer -> answer(pixOf(answer), format));
    }

    private static PixDetails pixOf(InvoicePix answer) {
        if (!answer.payable()) {
            throw Rejected.conflict("pix.not-payable", answer.status() == InvoiceStatus.PAID
                    ? "A fatura " + answer.invoiceNumber() + " já está paga: não há Pix a gerar."
                    : "A fatura " + answer.invoiceNumber() + " está parcelada: pague pelo Pix ou boleto das parcelas da negociação.");
        }
        if (answer.pix() == null) throw unavailable("a fatura " + answer.invoiceNumber());
        return answer.pix();
    }

    private static PixDetails pixOf(InstallmentPix answer) {
        if (answer.status() == InstallmentStatus.PAID) {
            throw Rejected.conflict("pix.not-payable", "A parcela " + answer.installment() + " da negociação "
                    + answer.negotiationId() + " já está paga: não há Pix a gerar.");
        }
        if (answer.pix() == null) throw unavailable("a parcela " + answer.installment() + " da negociação " + answer.negotiationId());
        return answer.pix();
    }

    private static Rejected unavailable(String what) {
        return Rejected.conflict("pix.unavailable", "O pagamento por Pix não está disponível para " + what
                + ". Use o boleto ou procure a Central de Atendimento.");
    }

    private static ResponseEntity<?> answer(PixDetails pix, PixFormat format) {
        var ok = ResponseEntity.ok().contentType(format.mediaType());
        return switch (format) {
            case JSON -> ok.body(pix);
            case PNG -> ok.body(PixQrCode.png(pix.brCode()));
            case SVG -> ok.body(PixQrCode.svg(pix.brCode()).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A number from 1 to 999; anything else names no installment (404). */
    private static Integer installmentNumber(String n) {
        if (n == null || !n.matches("\\d{1,3}")) return null;
        int value = Integer.parseInt(n);
        return value >= 1 && value <= MAX_INSTALLMENT ? value : null;
    }

    private static Rejected installmentNotFound() {
        return Rejected.notFound("installment.not-found", "Parcela não encontrada.");
    }
}
