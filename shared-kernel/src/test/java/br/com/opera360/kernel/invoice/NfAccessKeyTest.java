package br.com.opera360.kernel.invoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NfAccessKeyTest {
    @Test
    void the_check_digit_is_mod_11_with_weights_2_to_9_from_the_right() {
        // weights over "12345": 5*2 + 4*3 + 3*4 + 2*5 + 1*6 = 50; 50 % 11 = 6 → 11 - 6 = 5
        assertThat(NfAccessKey.checkDigit("12345")).isEqualTo(5);
        // remainder 0 or 1 gives 0: "0" → sum 0
        assertThat(NfAccessKey.checkDigit("0".repeat(43))).isZero();
    }

    @Test
    void a_key_with_the_right_digit_is_accepted_and_a_wrong_one_refused() {
        String base = "3526031122233300018155001000004321100004321";
        String key = base + NfAccessKey.checkDigit(base);
        assertThat(new NfAccessKey(key).value()).isEqualTo(key);
        assertThat(new NfAccessKey(key.substring(0, 22) + " " + key.substring(22)).value()).isEqualTo(key);
        String wrong = base + ((NfAccessKey.checkDigit(base) + 1) % 10);
        assertThatThrownBy(() -> new NfAccessKey(wrong)).hasMessageContaining("dígito verificador");
        assertThatThrownBy(() -> new NfAccessKey("123")).hasMessageContaining("44 dígitos");
    }
}
