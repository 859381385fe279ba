package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.negotiation.Installment;
import br.com.opera360.kernel.negotiation.NegotiateInstallments;
import br.com.opera360.kernel.negotiation.NegotiationId;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

record NegotiateInstallmentsRequest(String accountId, String negotiationId, List<String> invoiceNumbers, String agreedOn,
                                    List<InstallmentRequest> installments) {
    static final int MAX_INVOICES = 500;
    static final int MAX_INSTALLMENTS = 360;

    record InstallmentRequest(Integer number, String dueDate, BigDecimal amount) {
    }

    NegotiateInstallments toCommand() {
        var fields = new Fields();
        AccountId account = RequestValues.account(fields, accountId);
        InvoiceNumber reference = fields.parse("negotiationId", () -> new InvoiceNumber(negotiationId));
        List<String> numbers = new ArrayList<>();
        if (invoiceNumbers == null || invoiceNumbers.isEmpty()) {
            fields.reject("invoiceNumbers", "informe ao menos uma fatura");
        } else if (invoiceNumbers.size() > MAX_INVOICES) {
            fields.reject("invoiceNumbers", "no máximo " + MAX_INVOICES + " faturas");
        } else {
            for (int i = 0; i < invoiceNumbers.size(); i++) {
                String raw = invoiceNumbers.get(i);
                InvoiceNumber n = fields.parse("invoiceNumbers[" + i + "]", () -> new InvoiceNumber(raw));
                if (n != null) numbers.add(n.value());
            }
            if (new HashSet<>(numbers).size() != numbers.size()) fields.reject("invoiceNumbers", "uma fatura aparece mais de uma vez");
        }
        LocalDate agreed = RequestValues.date(fields, "agreedOn", agreedOn, true);
        List<Installment> parsed = new ArrayList<>();
        if (installments == null || installments.isEmpty()) {
            fields.reject("installments", "informe ao menos uma parcela");
        } else if (installments.size() > MAX_INSTALLMENTS) {
            fields.reject("installments", "no máximo " + MAX_INSTALLMENTS + " parcelas");
        } else {
            for (int i = 0; i < installments.size(); i++) {
                String p = "installments[" + i + "].";
                var it = installments.get(i);
                if (it == null) {
                    fields.reject("installments[" + i + "]", "é obrigatório");
                    continue;
                }
                if (it.number() == null) fields.reject(p + "number", "é obrigatório");
                else if (it.number() != i + 1) fields.reject(p + "number", "as parcelas devem ser numeradas de 1 a " + installments.size() + ", em ordem");
                LocalDate due = RequestValues.date(fields, p + "dueDate", it.dueDate(), true);
                Money amount = RequestValues.money(fields, p + "amount", it.amount());
                if (amount != null && !amount.isPositive()) fields.reject(p + "amount", "deve ser maior que zero");
                if (due != null && !parsed.isEmpty() && parsed.size() == i && !due.isAfter(parsed.get(i - 1).dueDate())) {
                    fields.reject(p + "dueDate", "os vencimentos devem ser estritamente crescentes");
                }
                if (it.number() != null && due != null && amount != null && amount.isPositive()) {
                    parsed.add(new Installment(it.number(), due, amount));
                }
            }
            if (agreed != null && !parsed.isEmpty() && parsed.get(0).number() == 1 && agreed.isAfter(parsed.get(0).dueDate())) {
                fields.reject("agreedOn", "deve ser igual ou anterior ao vencimento da primeira parcela");
            }
        }
        fields.check();
        return new NegotiateInstallments(NegotiationId.of(account, reference.value()), account, reference.value(), numbers,
                agreed, parsed);
    }
}
