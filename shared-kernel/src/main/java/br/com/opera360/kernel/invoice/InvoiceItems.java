package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record InvoiceItems(String number, List<Line> items) {

    public record Line(String designation, String serviceType, String description, BigDecimal amount,
                       LocalDate periodStart, LocalDate periodEnd) {
    }
}
