package br.com.opera360.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {
    @Test
    void money_is_exact_with_scale_2() {
        assertThat(Money.of("0.1").plus(Money.of("0.2"))).isEqualTo(Money.of("0.30"));
        assertThat(Money.of("2255.69").cents()).isEqualTo(225569L);
        assertThat(Money.ofCents(225569).value()).isEqualTo(new BigDecimal("2255.69"));
        assertThat(Money.of("10").value().scale()).isEqualTo(2);
        assertThat(Money.of("100.00").minus(Money.of("0.01"))).isEqualTo(Money.of("99.99"));
        assertThat(Money.of("10.000")).isEqualTo(Money.of("10.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.001", "0.005", "1.999999"})
    void more_than_2_decimals_is_refused_never_rounded(String value) {
        assertThatThrownBy(() -> Money.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 casas decimais");
    }
}
