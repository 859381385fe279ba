package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.invoice.RecordPayment;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;
import java.time.LocalDate;

record RecordPaymentRequest(String accountId, String invoiceNumber, String paymentId, BigDecimal amount, String paidOn) {

    RecordPayment toCommand() {
        var fields = new Fields();
        AccountId account = RequestValues.account(fields, accountId);
        InvoiceNumber number = fields.parse("invoiceNumber", () -> new InvoiceNumber(invoiceNumber));
        String id = paymentId == null ? null : fields.requiredText("paymentId", paymentId, 100);
        Money paid = RequestValues.money(fields, "amount", amount);
        if (paid != null && !paid.isPositive()) fields.reject("amount", "deve ser maior que zero");
        LocalDate on = RequestValues.date(fields, "paidOn", paidOn, true);
        fields.check();
        return new RecordPayment(InvoiceId.of(account, number.value()), account, id, paid, on);
    }
}
