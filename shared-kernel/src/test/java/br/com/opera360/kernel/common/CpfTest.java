package br.com.opera360.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpfTest {
    @Test
    void a_cpf_is_accepted_with_punctuation_and_kept_as_11_digits() {
        assertThat(new Cpf(" 529.982.247-25 ").value()).isEqualTo("52998224725");
    }

    @ParameterizedTest
    @ValueSource(strings = {"529.982.247-26", "52998224735", "111.111.111-11", "1234567890", "5299822472a"})
    void a_cpf_with_wrong_check_digits_or_shape_is_refused(String input) {
        assertThatThrownBy(() -> new Cpf(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
