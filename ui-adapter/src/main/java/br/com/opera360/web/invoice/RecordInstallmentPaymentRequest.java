package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.negotiation.NegotiationId;
import br.com.opera360.kernel.negotiation.RecordInstallmentPayment;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;
import java.time.LocalDate;

record RecordInstallmentPaymentRequest(String accountId, String negotiationId, Integer installmentNumber,
                                       BigDecimal amount, String paidOn) {

    RecordInstallmentPayment toCommand() {
        var fields = new Fields();
        AccountId account = RequestValues.account(fields, accountId);
        InvoiceNumber reference = fields.parse("negotiationId", () -> new InvoiceNumber(negotiationId));
        if (installmentNumber == null) fields.reject("installmentNumber", "é obrigatório");
        else if (installmentNumber < 1) fields.reject("installmentNumber", "deve ser maior que zero");
        Money paid = RequestValues.money(fields, "amount", amount);
        if (paid != null && !paid.isPositive()) fields.reject("amount", "deve ser maior que zero");
        LocalDate on = RequestValues.date(fields, "paidOn", paidOn, true);
        fields.check();
        return new RecordInstallmentPayment(NegotiationId.of(account, reference.value()), account, installmentNumber, paid, on);
    }
}
