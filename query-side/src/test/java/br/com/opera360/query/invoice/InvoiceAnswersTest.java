package br.com.opera360.query.invoice;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceAnswersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void a_list_row_from_the_exported_fields_is_the_row_from_the_whole_view() {
        for (String state : List.of(InvoiceView.UNPAID, InvoiceView.PAID, InvoiceView.INSTALLMENT)) {
            for (String due : List.of("2026-03-09", "2026-03-10", "2026-12-31")) {
                var view = new InvoiceView("a:B1", "a", "B1", "2026-02-01", due, 225_569, 100_000, "M2M S.A.", "1", state,
                        null, null, null, List.of(), 3);
                var document = new Document("_id", "a:B1").append("number", "B1").append("issueDate", "2026-02-01")
                        .append("dueDate", due).append("totalCents", 225_569).append("amountDueCents", 100_000L)
                        .append("issuer", "M2M S.A.").append("state", state);
                assertThat(InvoiceAnswers.listItem(document, TODAY)).isEqualTo(InvoiceAnswers.listItem(view, TODAY));
            }
        }
    }

    @Test
    void iso_dates_read_as_the_general_parser_reads_them() {
        for (String iso : List.of("2026-03-10", "0001-01-01", "2024-02-29", "9999-12-31")) {
            assertThat(InvoiceAnswers.isoDate(iso)).isEqualTo(LocalDate.parse(iso));
        }
        assertThatThrownBy(() -> InvoiceAnswers.isoDate("2026-02-30")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> InvoiceAnswers.isoDate("2026-3-10")).isInstanceOf(java.time.DateTimeException.class);
    }
}
