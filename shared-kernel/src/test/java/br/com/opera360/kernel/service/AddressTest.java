package br.com.opera360.kernel.service;

import br.com.opera360.kernel.common.Cep;
import br.com.opera360.kernel.common.Uf;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressTest {
    @Test
    void the_cep_must_lie_in_the_ufs_range() {
        var ok = new Address(" Av. Paulista ", "1000", null, "Bela Vista", "São Paulo", Uf.SP, new Cep("01310-100"));
        assertThat(ok.toFacts()).isEqualTo(new ServiceAddress("Av. Paulista", "1000", null, "Bela Vista", "São Paulo", "SP", "01310100"));
        assertThatThrownBy(() -> new Address("Av. Rio Branco", "1", null, null, "Rio de Janeiro", Uf.SP, new Cep("20040-002")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("não pertence à UF SP");
    }

    @Test
    void a_location_outside_brazil_is_refused() {
        assertThat(new Location(-23.561, -46.656).toFacts()).isEqualTo(new GeoPoint(-23.561, -46.656));
        assertThat(new Location(-3.854, -32.424)).isNotNull(); // Fernando de Noronha
        assertThatThrownBy(() -> new Location(40.7, -74.0)).hasMessageContaining("lat");
        assertThatThrownBy(() -> new Location(-23.5, -80.0)).hasMessageContaining("lon");
        assertThatThrownBy(() -> new Location(Double.NaN, -46.0)).hasMessageContaining("lat");
    }

    @Test
    void a_designation_is_a_path_segment() {
        assertThat(new Designation("  SPO-IP-0001 ").value()).isEqualTo("SPO-IP-0001");
        assertThatThrownBy(() -> new Designation("SPO/IP/0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Designation("MAP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Designation("x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
