package br.com.opera360.kernel.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewPasswordTest {
    @Test
    void a_password_with_8_characters_lower_upper_digit_and_special_is_accepted_and_never_printed() {
        var password = new NewPassword("Abcdef1!");
        assertThat(password.toString()).doesNotContain("Abcdef1!");
    }

    @Test
    void every_unmet_rule_is_named() {
        assertThatThrownBy(() -> new NewPassword("abc"))
                .hasMessageContainingAll("8 caracteres", "maiúscula", "dígito", "especial")
                .hasMessageNotContaining("minúscula");
        assertThatThrownBy(() -> new NewPassword("ABCDEFGH1!")).hasMessageContaining("minúscula");
    }
}
