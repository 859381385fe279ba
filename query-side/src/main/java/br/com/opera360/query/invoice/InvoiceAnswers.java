package br.com.opera360.query.invoice;

import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceDetails;
import br.com.opera360.kernel.invoice.InvoiceListItem;
import br.com.opera360.kernel.invoice.InvoiceStatus;
import br.com.opera360.kernel.negotiation.InstallmentStatus;
import br.com.opera360.kernel.negotiation.NegotiationDetails;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** View → answer: the mapping every invoice question shares, with calendar-derived values computed for {@code today}. */
final class InvoiceAnswers {
    private InvoiceAnswers() {
    }

    static InvoiceListItem listItem(InvoiceView v, LocalDate today) {
        return listItem(v.number(), v.issueDate(), v.dueDate(), v.totalCents(), v.amountDueCents(), v.issuer(), v.state(), today);
    }

    /** The view's fields a list row reads (exports ask the store for these only). */
    static final List<String> LIST_FIELDS = List.of("number", "issueDate", "dueDate", "totalCents", "amountDueCents", "issuer", "state");

    /** A list row from a view document holding at least {@link #LIST_FIELDS}. */
    static InvoiceListItem listItem(org.bson.Document d, LocalDate today) {
        return listItem(d.getString("number"), d.getString("issueDate"), d.getString("dueDate"), cents(d, "totalCents"),
                cents(d, "amountDueCents"), d.getString("issuer"), d.getString("state"), today);
    }

    private static long cents(org.bson.Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static InvoiceListItem listItem(String number, String issueDate, String dueDate, long totalCents,
                                            long amountDueCents, String issuer, String state, LocalDate today) {
        LocalDate due = isoDate(dueDate);
        InvoiceStatus status = InvoiceView.status(state, due, today);
        return new InvoiceListItem(number, isoDate(issueDate), due, money(totalCents),
                money(amountDueCents), issuer, status, status.label(),
                status == InvoiceStatus.PENDING ? (int) ChronoUnit.DAYS.between(due, today) : null,
                status == InvoiceStatus.OPEN ? (int) ChronoUnit.DAYS.between(today, due) : null);
    }

    /** yyyy-MM-dd as the views store it, without the general parser; anything else goes through {@link LocalDate#parse}. */
    static LocalDate isoDate(String iso) {
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            int year = digits(iso, 0, 4), month = digits(iso, 5, 7), day = digits(iso, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) return LocalDate.of(year, month, day);
        }
        return LocalDate.parse(iso);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static InvoiceDetails details(InvoiceView v, NegotiationDetails negotiation, LocalDate today) {
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

    static BigDecimal money(long cents) {
        return Money.ofCents(cents).value();
    }

    static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
