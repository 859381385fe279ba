package br.com.opera360.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Correios' CEP ranges by UF, checked at every edge. */
class UfTest {

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
            "01000-000, SP", "19999-999, SP",
            "20000-000, RJ", "28999-999, RJ",
            "29000-000, ES", "29999-999, ES",
            "30000-000, MG", "39999-999, MG",
            "40000-000, BA", "48999-999, BA",
            "49000-000, SE", "49999-999, SE",
            "50000-000, PE", "56999-999, PE",
            "57000-000, AL", "57999-999, AL",
            "58000-000, PB", "58999-999, PB",
            "59000-000, RN", "59999-999, RN",
            "60000-000, CE", "63999-999, CE",
            "64000-000, PI", "64999-999, PI",
            "65000-000, MA", "65999-999, MA",
            "66000-000, PA", "68899-999, PA",
            "68900-000, AP", "68999-999, AP",
            "69000-000, AM", "69299-999, AM",
            "69300-000, RR", "69399-999, RR",
            "69400-000, AM", "69899-999, AM",
            "69900-000, AC", "69999-999, AC",
            "70000-000, DF", "72799-999, DF",
            "72800-000, GO", "72999-999, GO",
            "73000-000, DF", "73699-999, DF",
            "73700-000, GO", "76799-999, GO",
            "76800-000, RO", "76999-999, RO",
            "77000-000, TO", "77999-999, TO",
            "78000-000, MT", "78899-999, MT",
            "79000-000, MS", "79999-999, MS",
            "80000-000, PR", "87999-999, PR",
            "88000-000, SC", "89999-999, SC",
            "90000-000, RS", "99999-999, RS",
    })
    void each_range_edge_belongs_to_its_uf_and_to_no_other(String cep, Uf uf) {
        Cep parsed = new Cep(cep);
        assertThat(uf.owns(parsed)).isTrue();
        assertThat(Arrays.stream(Uf.values()).filter(u -> u.owns(parsed))).containsExactly(uf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000", "00999999", "78900000", "78999999"})
    void ceps_outside_every_range_belong_to_no_uf(String cep) {
        assertThat(Arrays.stream(Uf.values()).filter(u -> u.owns(new Cep(cep)))).isEmpty();
    }

    @Test
    void the_ranges_cover_01000000_to_99999999_without_overlap_except_the_unassigned_78900_block() {
        List<int[]> all = Arrays.stream(Uf.values()).flatMap(u -> u.ranges().stream())
                                .sorted((a, b) -> Integer.compare(a[0], b[0])).toList();
        assertThat(all.get(0)[0]).isEqualTo(1_000_000);
        assertThat(all.get(all.size() - 1)[1]).isEqualTo(99_999_999);
        for (int i = 1; i < all.size(); i++) {
            int gap = all.get(i)[0] - all.get(i - 1)[1] - 1;
            if (all.get(i)[0] == 79_000_000) assertThat(gap).isEqualTo(100_000); // 78900-000..78999-999: ex-Rondônia
            else assertThat(gap).as("gap before %d", all.get(i)[0]).isZero();
        }
    }

    @Test
    void a_uf_code_is_parsed_ignoring_case_and_spaces() {
        assertThat(Uf.parse(" sp ")).isEqualTo(Uf.SP);
        assertThatThrownBy(() -> Uf.parse("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uf.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
