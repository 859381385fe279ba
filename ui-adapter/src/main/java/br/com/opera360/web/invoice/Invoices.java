package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.Rejected;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.web.security.PortalUser;
import reactor.core.publisher.Mono;

/** An invoice number in a path, as the caller's invoice; a malformed number is simply unknown (404). */
final class Invoices {
    private Invoices() {
    }

    static Mono<InvoiceId> idOf(PortalUser user, String number) {
        if (!InvoiceNumber.isValid(number)) return Mono.error(Invoices::notFound);
        return Mono.just(InvoiceId.of(user.accountId(), number));
    }

    static Rejected notFound() {
        return Rejected.notFound("invoice.not-found", "Fatura não encontrada.");
    }
}
