package br.com.opera360.kernel.invoice;

import java.text.Normalizer;
import java.util.Objects;

/**
 * Who receives a Pix: the key registered in the DICT and the name and city a payer's bank shows. BCB's "Manual de
 * Padrões para Iniciação do Pix" limits the merchant name (field 59) to 25 and the city (field 60) to 15 characters
 * of the EMV alphanumeric-special set, so accents are folded and longer values cut; the key (within field 26, at
 * most 99 characters with the GUI) may have up to 77 printable ASCII characters.
 */
public record PixReceiver(String key, String merchantName, String merchantCity) {
    public static final int NAME_LENGTH = 25;
    public static final int CITY_LENGTH = 15;
    public static final int KEY_LENGTH = 77;

    public PixReceiver {
        Objects.requireNonNull(key, "key");
        key = key.strip();
        if (key.isEmpty() || key.length() > KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("chave Pix deve ter de 1 a " + KEY_LENGTH + " caracteres ASCII, sem espaços");
        }
        merchantName = emvText(merchantName, NAME_LENGTH, "nome do recebedor");
        merchantCity = emvText(merchantCity, CITY_LENGTH, "cidade do recebedor");
    }

    /** Accents folded ("São" → "Sao"), other non-ASCII characters dropped, spaces collapsed, cut to {@code max}. */
    static String emvText(String value, int max, String what) {
        Objects.requireNonNull(value, what);
        String folded = Normalizer.normalize(value, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (folded.isEmpty()) throw new IllegalArgumentException(what + " é obrigatório");
        return folded.length() <= max ? folded : folded.substring(0, max).strip();
    }
}
