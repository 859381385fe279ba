package br.com.opera360.kernel.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record InvoiceServiceDetails(String designation, String serviceType, BigDecimal amount, List<Item> items) {

    public record Item(String description, BigDecimal amount, LocalDate periodStart, LocalDate periodEnd) {
    }
}
