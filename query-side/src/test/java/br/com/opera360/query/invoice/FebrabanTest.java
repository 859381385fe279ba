package br.com.opera360.query.invoice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FebrabanTest {

    @ParameterizedTest
    @CsvSource({
            "2000-07-03, 1000",  // 1997-10-07 + 1000 days
            "1997-10-08, 1",
            "2008-02-01, 3769",  // published Banco do Brasil example below
            "2025-02-21, 9999",  // the last day of the first cycle
            "2025-02-22, 1000",  // FEBRABAN: restart at 1000
            "2025-02-23, 1001",
            "2049-10-13, 9999",  // 9000 days into the second cycle
            "2049-10-14, 1000",
    })
    void the_due_date_factor_counts_days_since_1997_10_07_and_restarts_at_1000_on_2025_02_22(LocalDate due, int factor) {
        assertThat(Febraban.dueDateFactor(due)).isEqualTo(factor);
    }

    /** Published Banco do Brasil pairs (convênio de 7 dígitos), barcode ⇄ digitable line, both directions. */
    @ParameterizedTest
    @CsvSource({
            "00199713400000100000000001014051000006667317, 00190000090101405100500066673179971340000010000",
            "00194376900000723560000001238798777770016818, 00190000090123879877977700168188437690000072356",
    })
    void published_banco_do_brasil_boletos_convert_both_ways(String barcode, String line) {
        assertThat(Febraban.digitableLine(barcode)).isEqualTo(line);
        assertThat(Febraban.barcodeOf(line)).isEqualTo(barcode);
        assertThat(Febraban.barcodeOf(BoletoFormat.punctuated(line))).isEqualTo(barcode);
    }

    @Test
    void the_published_barcode_is_rebuilt_from_its_parts_with_the_same_check_digit() {
        // 2008-02-01, R$ 723,56, convênio 1238798, sequence 7777700168, carteira 18
        String barcode = Febraban.barcode("001", LocalDate.of(2008, 2, 1), new BigDecimal("723.56"),
                "000000" + "1238798" + "7777700168" + "18");
        assertThat(barcode).isEqualTo("00194376900000723560000001238798777770016818");
    }

    @Test
    void another_published_digitable_line_has_valid_check_digits() {
        // published with brazilian-utils' getBoletoInfo: bank 001, factor 7586, R$ 1.026,56
        String barcode = Febraban.barcodeOf("00190000090114971860168524522114675860000102656");
        assertThat(barcode).startsWith("0019").hasSize(44);
        assertThat(barcode.substring(5, 9)).isEqualTo("7586");
        assertThat(barcode.substring(9, 19)).isEqualTo("0000102656");
        assertThat(Febraban.digitableLine(barcode)).isEqualTo("00190000090114971860168524522114675860000102656");
    }

    @Test
    void a_wrong_check_digit_in_a_digitable_line_is_detected() {
        assertThatThrownBy(() -> Febraban.barcodeOf("00190000080101405100500066673179971340000010000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Febraban.barcodeOf("00190000090101405100500066673178971340000010000"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_general_check_digit_of_0_10_or_11_becomes_1() {
        for (int i = 0; i < 2000; i++) {
            String digits = String.format("%043d", i * 7919L);
            int dv = Febraban.generalCheckDigit(digits);
            assertThat(dv).isBetween(1, 9);
        }
        // 43 zeros: sum 0, 11 - 0 = 11 → 1
        assertThat(Febraban.generalCheckDigit("0".repeat(43))).isEqualTo(1);
    }

    @Test
    void a_banco_do_brasil_boleto_for_an_invoice_has_44_and_47_digits_that_agree() {
        var codes = BancoDoBrasilBoleto.of("acc:F-1", "123456", LocalDate.of(2026, 3, 10), new BigDecimal("2255.69"));
        assertThat(codes.ourNumber()).isEqualTo(BancoDoBrasilBoleto.AGREEMENT + "0000123456").hasSize(17);
        assertThat(codes.barcode()).hasSize(44).startsWith("0019");
        assertThat(codes.barcode().substring(5, 9)).isEqualTo(String.valueOf(Febraban.dueDateFactor(LocalDate.of(2026, 3, 10))));
        assertThat(codes.barcode().substring(9, 19)).isEqualTo("0000225569");
        assertThat(codes.barcode().substring(19)).isEqualTo("000000" + codes.ourNumber() + "18");
        assertThat(codes.digitableLine()).hasSize(47);
        assertThat(Febraban.barcodeOf(codes.digitableLine())).isEqualTo(codes.barcode());
        // a non-numeric invoice number still gets a stable 10-digit sequence
        var other = BancoDoBrasilBoleto.of("acc:F-ABC", "F-ABC", LocalDate.of(2026, 3, 10), new BigDecimal("1.00"));
        assertThat(other.ourNumber()).hasSize(17).isEqualTo(BancoDoBrasilBoleto.of("acc:F-ABC", "F-ABC", LocalDate.of(2026, 4, 1), BigDecimal.TEN).ourNumber());
    }

    /** How people type digitable lines. */
    static final class BoletoFormat {
        static String punctuated(String line) {
            return line.substring(0, 5) + "." + line.substring(5, 10) + " " + line.substring(10, 15) + "." + line.substring(15, 21)
                    + " " + line.substring(21, 26) + "." + line.substring(26, 32) + " " + line.charAt(32) + " " + line.substring(33);
        }
    }
}
