package br.com.opera360.kernel.common;

import java.util.List;
import java.util.Locale;

/**
 * The 27 federative units and the CEP ranges each one owns. Source: Correios, "Busca Faixa de CEP por UF"
 * (https://buscacepinter.correios.com.br/app/faixa_cep_uf_localidade/index.php). Ranges compare the whole 8-digit
 * CEP: the 2-digit prefix is shared by AM/RR/AC (69), DF/GO (72, 73) and GO/RO (76). Rondônia owns 76800-000 to
 * 76999-999 since the Correios' reform; its old block 78900-000 to 78999-999 belongs to no UF, nor does anything
 * below 01000-000.
 */
public enum Uf {
    AC("Acre", 69900000, 69999999),
    AL("Alagoas", 57000000, 57999999),
    AM("Amazonas", 69000000, 69299999, 69400000, 69899999),
    AP("Amapá", 68900000, 68999999),
    BA("Bahia", 40000000, 48999999),
    CE("Ceará", 60000000, 63999999),
    DF("Distrito Federal", 70000000, 72799999, 73000000, 73699999),
    ES("Espírito Santo", 29000000, 29999999),
    GO("Goiás", 72800000, 72999999, 73700000, 76799999),
    MA("Maranhão", 65000000, 65999999),
    MG("Minas Gerais", 30000000, 39999999),
    MS("Mato Grosso do Sul", 79000000, 79999999),
    MT("Mato Grosso", 78000000, 78899999),
    PA("Pará", 66000000, 68899999),
    PB("Paraíba", 58000000, 58999999),
    PE("Pernambuco", 50000000, 56999999),
    PI("Piauí", 64000000, 64999999),
    PR("Paraná", 80000000, 87999999),
    RJ("Rio de Janeiro", 20000000, 28999999),
    RN("Rio Grande do Norte", 59000000, 59999999),
    RO("Rondônia", 76800000, 76999999),
    RR("Roraima", 69300000, 69399999),
    RS("Rio Grande do Sul", 90000000, 99999999),
    SC("Santa Catarina", 88000000, 89999999),
    SE("Sergipe", 49000000, 49999999),
    SP("São Paulo", 1000000, 19999999),
    TO("Tocantins", 77000000, 77999999);

    private final String label;
    private final int[] ranges;

    Uf(String label, int... ranges) {
        this.label = label;
        this.ranges = ranges;
    }

    public String label() {
        return label;
    }

    /** Whether the CEP lies in one of this UF's ranges (inclusive at both ends). */
    public boolean owns(Cep cep) {
        int n = cep.number();
        for (int i = 0; i < ranges.length; i += 2) {
            if (n >= ranges[i] && n <= ranges[i + 1]) return true;
        }
        return false;
    }

    /** The ranges as {@code {first, last}} pairs of 8-digit CEPs. */
    public List<int[]> ranges() {
        return java.util.stream.IntStream.range(0, ranges.length / 2).mapToObj(i -> new int[]{ranges[2 * i], ranges[2 * i + 1]}).toList();
    }

    /** Parses a UF code, ignoring case and surrounding spaces. */
    public static Uf parse(String code) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("é obrigatório");
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("não é uma UF válida (use a sigla, como SP ou RJ)");
        }
    }
}
