package br.com.opera360.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTest {
    @Test
    void an_email_is_trimmed_and_lower_cased_so_uniqueness_ignores_case() {
        assertThat(new Email("  Ana.Souza@Acme.COM.br ").value()).isEqualTo("ana.souza@acme.com.br");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "@acme.com", "ana@acme", "ana@@acme.com", "ana souza@acme.com", "ana@-acme.com"})
    void a_malformed_email_is_refused(String input) {
        assertThatThrownBy(() -> new Email(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
