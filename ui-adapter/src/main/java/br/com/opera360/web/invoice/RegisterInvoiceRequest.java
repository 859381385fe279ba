package br.com.opera360.web.invoice;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Cnpj;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItem;
import br.com.opera360.kernel.invoice.InvoiceNumber;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import br.com.opera360.web.common.Fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static br.com.opera360.web.invoice.RequestValues.date;

record RegisterInvoiceRequest(String accountId, String number, String issueDate, String dueDate, String issuer,
                              String issuerCnpj, List<Item> items) {
    static final int MAX_ITEMS = 1000;

    record Item(String designation, String serviceType, String description, BigDecimal amount, String periodStart,
                String periodEnd) {
    }

    RegisterInvoice toCommand() {
        var fields = new Fields();
        AccountId account = RequestValues.account(fields, accountId);
        InvoiceNumber invoiceNumber = fields.parse("number", () -> new InvoiceNumber(number));
        LocalDate issued = date(fields, "issueDate", issueDate, true);
        LocalDate due = date(fields, "dueDate", dueDate, true);
        String issuerName = RequestValues.text(fields, "issuer", issuer, 200);
        Cnpj cnpj = issuerCnpj == null ? null : fields.parse("issuerCnpj", () -> new Cnpj(issuerCnpj));
        List<InvoiceItem> lines = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            fields.reject("items", "deve ter ao menos um item");
        } else if (items.size() > MAX_ITEMS) {
            fields.reject("items", "deve ter no máximo " + MAX_ITEMS + " itens");
        } else {
            for (int i = 0; i < items.size(); i++) {
                String p = "items[" + i + "].";
                Item item = items.get(i);
                if (item == null) {
                    fields.reject("items[" + i + "]", "é obrigatório");
                    continue;
                }
                String designation = RequestValues.text(fields, p + "designation", item.designation(), 100);
                String type = RequestValues.text(fields, p + "serviceType", item.serviceType(), 100);
                String description = RequestValues.text(fields, p + "description", item.description(), 300);
                Money amount = RequestValues.money(fields, p + "amount", item.amount());
                LocalDate start = date(fields, p + "periodStart", item.periodStart(), false);
                LocalDate end = date(fields, p + "periodEnd", item.periodEnd(), false);
                if (start != null && end != null && end.isBefore(start)) fields.reject(p + "periodEnd", "deve ser igual ou posterior a periodStart");
                if (designation != null && type != null && description != null && amount != null) {
                    lines.add(new InvoiceItem(designation, type, description, amount, start, end));
                }
            }
        }
        if (issued != null && due != null && due.isBefore(issued)) fields.reject("dueDate", "deve ser igual ou posterior a issueDate");
        fields.check();
        Money total = lines.stream().map(InvoiceItem::amount).reduce(Money.ZERO, Money::plus);
        if (!total.isPositive()) {
            fields.reject("items", "o total da fatura (soma dos itens) deve ser maior que zero");
            fields.check();
        }
        return new RegisterInvoice(InvoiceId.of(account, invoiceNumber.value()), account, invoiceNumber.value(), issued, due,
                issuerName, cnpj, lines);
    }
}
