package br.com.opera360.kernel.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CnpjTest {

    @ParameterizedTest
    @CsvSource({
            "11.222.333/0001-81, 11222333000181",
            "11222333000181,     11222333000181",
            "' 11.222.333/0001-81 ', 11222333000181",
            // Receita Federal's published alphanumeric example
            "12.ABC.345/01DE-35, 12ABC34501DE35",
            "12.abc.345/01de-35, 12ABC34501DE35",
            "12ABC34501DE35,     12ABC34501DE35",
    })
    void a_valid_cnpj_is_stored_as_14_upper_case_characters_without_punctuation(String input, String stored) {
        assertThat(new Cnpj(input).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.222.333/0001-82", "11222333000191", "12ABC34501DE36", "12ABC34501DE3A", "00000000000000",
            "11111111111111", "1122233300018", "112223330001811", "11.222.333/0001", "AB.CDE.FGH/IJKL-MN", "11 222 333 0001 8!"})
    void an_invalid_cnpj_is_refused(String input) {
        assertThatThrownBy(() -> new Cnpj(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_cnpj_is_refused(String input) {
        assertThatThrownBy(() -> new Cnpj(input)).isInstanceOf(IllegalArgumentException.class).hasMessage("é obrigatório");
    }
}
