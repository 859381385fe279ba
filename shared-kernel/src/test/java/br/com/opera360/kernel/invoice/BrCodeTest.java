package br.com.opera360.kernel.invoice;

import br.com.opera360.kernel.common.AccountId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrCodeTest {
    /** BCB, "Manual de Padrões para Iniciação do Pix", the published static BR Code example. */
    static final String MANUAL_EXAMPLE = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR"
            + "5913Fulano de Tal6008BRASILIA62070503***63041D3D";
    static final PixReceiver FULANO = new PixReceiver("123e4567-e12b-12d1-a456-426655440000", "Fulano de Tal", "BRASILIA");
    static final PixReceiver M2M = new PixReceiver("b424284a-8d00-4df3-a5fb-5cc996e85f2d", "M2M Telecomunicações", "São Paulo");
    static final AccountId ACCOUNT = new AccountId("acc-1");

    @Test
    void the_encoder_gives_the_manuals_example_byte_for_byte() {
        assertThat(BrCode.of(FULANO, null, new PixTxid(PixTxid.NONE)).payload()).isEqualTo(MANUAL_EXAMPLE);
    }

    @Test
    void the_independent_decoder_reads_the_manuals_example() {
        var code = EmvFields.read(MANUAL_EXAMPLE);
        assertThat(code.fields()).containsOnlyKeys("00", "26", "52", "53", "58", "59", "60", "62", "63");
        assertThat(code.fields()).containsEntry("00", "01").containsEntry("52", "0000").containsEntry("53", "986")
                .containsEntry("58", "BR").containsEntry("59", "Fulano de Tal").containsEntry("60", "BRASILIA")
                .containsEntry("63", "1D3D");
        assertThat(code.account()).containsEntry("00", "br.gov.bcb.pix").containsEntry("01", "123e4567-e12b-12d1-a456-426655440000");
        assertThat(code.additional()).containsEntry("05", "***");
    }

    @Test
    void the_decoder_notices_a_changed_character() {
        String tampered = MANUAL_EXAMPLE.replace("Fulano", "Fulana");
        assertThatThrownBy(() -> EmvFields.read(tampered)).hasMessageContaining("CRC");
    }

    @Test
    void a_charge_carries_amount_and_txid_in_the_manuals_field_order_with_right_lengths_and_crc() {
        var txid = PixTxid.forInvoice(ACCOUNT, "2026-03-000123");
        String payload = BrCode.of(M2M, new BigDecimal("2255.69"), txid).payload();
        var code = EmvFields.read(payload);
        assertThat(List.copyOf(code.fields().keySet())).containsExactly("00", "26", "52", "53", "54", "58", "59", "60", "62", "63");
        assertThat(code.fields()).containsEntry("54", "2255.69").containsEntry("53", "986").containsEntry("58", "BR")
                .containsEntry("59", "M2M Telecomunicacoes").containsEntry("60", "Sao Paulo");
        // Map.of iterates in a random order per JVM: the expected order is spelled out entry by entry
        assertThat(code.account()).containsExactly(java.util.Map.entry("00", "br.gov.bcb.pix"), java.util.Map.entry("01", M2M.key()));
        assertThat(code.additional()).containsExactly(java.util.Map.entry("05", txid.value()));
        assertThat(payload).isEqualTo(BrCode.of(M2M, new BigDecimal("2255.69"), txid).payload());
    }

    @Test
    void amounts_have_two_decimals_with_a_point_and_at_most_13_characters() {
        var txid = new PixTxid("ABC123");
        assertThat(EmvFields.read(BrCode.of(M2M, new BigDecimal("0.1"), txid).payload()).fields()).containsEntry("54", "0.10");
        assertThat(EmvFields.read(BrCode.of(M2M, new BigDecimal("9999999999.99"), txid).payload()).fields())
                .containsEntry("54", "9999999999.99");
        assertThat(BrCode.canCarry(new BigDecimal("10000000000.00"))).isFalse();
        assertThat(BrCode.canCarry(BigDecimal.ZERO)).isFalse();
        assertThatThrownBy(() -> BrCode.of(M2M, new BigDecimal("10000000000.00"), txid)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrCode.of(M2M, new BigDecimal("-1.00"), txid)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void merchant_name_and_city_are_folded_to_ascii_and_cut_to_25_and_15_characters() {
        var receiver = new PixReceiver("financeiro@m2m.com.br", "  Telecomunicações   do Brasil São João Ltda ", "São José dos Campos");
        assertThat(receiver.merchantName()).isEqualTo("Telecomunicacoes do Brasi");
        assertThat(receiver.merchantCity()).isEqualTo("Sao Jose dos Ca");
        var code = EmvFields.read(BrCode.of(receiver, new BigDecimal("1.00"), new PixTxid("X1")).payload());
        assertThat(code.fields().get("59")).hasSize(25);
        assertThat(code.fields().get("60")).hasSize(15);
        assertThat(code.account()).containsEntry("01", "financeiro@m2m.com.br");
    }

    @Test
    void a_receiver_needs_a_printable_key_of_at_most_77_characters_a_name_and_a_city() {
        assertThatThrownBy(() -> new PixReceiver(" ", "M2M", "Sao Paulo")).hasMessageContaining("chave Pix");
        assertThatThrownBy(() -> new PixReceiver("a b", "M2M", "Sao Paulo")).hasMessageContaining("chave Pix");
        assertThatThrownBy(() -> new PixReceiver("x".repeat(78), "M2M", "Sao Paulo")).hasMessageContaining("chave Pix");
        assertThatThrownBy(() -> new PixReceiver("chave", "東京", "Sao Paulo")).hasMessageContaining("nome");
        assertThatThrownBy(() -> new PixReceiver("chave", "M2M", " ")).hasMessageContaining("cidade");
        var longest = new PixReceiver("k".repeat(77), "M2M", "Sao Paulo");
        assertThat(EmvFields.read(BrCode.of(longest, new BigDecimal("1.00"), new PixTxid("X1")).payload()).account().get("01")).hasSize(77);
    }

    @Test
    void the_txid_is_25_alphanumerics_stable_per_charge_and_different_between_charges() {
        String longNumber = "F".repeat(60);
        var invoice = PixTxid.forInvoice(ACCOUNT, longNumber);
        assertThat(invoice.value()).matches("[0-9A-F]{25}");
        assertThat(PixTxid.forInvoice(new AccountId("acc-1"), longNumber)).isEqualTo(invoice);
        assertThat(List.of(PixTxid.forInvoice(new AccountId("acc-2"), longNumber), PixTxid.forInvoice(ACCOUNT, "F".repeat(59)),
                PixTxid.forInstallment(ACCOUNT, longNumber, 1), PixTxid.forInstallment(ACCOUNT, longNumber, 2)))
                .doesNotContain(invoice).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new PixTxid("A".repeat(26))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PixTxid("AB-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
