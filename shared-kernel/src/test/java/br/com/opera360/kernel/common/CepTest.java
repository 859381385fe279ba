package br.com.opera360.kernel.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CepTest {
    @ParameterizedTest
    @ValueSource(strings = {"01310-100", "01310100", " 01310-100 "})
    void a_cep_is_accepted_with_or_without_the_hyphen_and_kept_as_8_digits(String input) {
        assertThat(new Cep(input).value()).isEqualTo("01310100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1310100", "013101000", "01.310-100", "0131O100", "01310 100", "01310--100", "abcdefgh"})
    void anything_else_is_refused(String input) {
        assertThatThrownBy(() -> new Cep(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
