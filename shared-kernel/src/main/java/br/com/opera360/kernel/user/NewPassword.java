package br.com.opera360.kernel.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A password a user chose. Policy (user guide, "Importante"): at least 8 characters with a lower-case letter, an
 * upper-case letter, a digit and a special character. The message names every unmet rule; the value never shows.
 */
public record NewPassword(String value) {
    public NewPassword {
        Objects.requireNonNull(value, "newPassword");
        List<String> unmet = new ArrayList<>();
        if (value.length() < 8) unmet.add("ao menos 8 caracteres");
        if (value.chars().noneMatch(Character::isLowerCase)) unmet.add("uma letra minúscula");
        if (value.chars().noneMatch(Character::isUpperCase)) unmet.add("uma letra maiúscula");
        if (value.chars().noneMatch(Character::isDigit)) unmet.add("um dígito");
        if (value.chars().allMatch(Character::isLetterOrDigit)) unmet.add("um caractere especial");
        if (value.length() > 128) unmet.add("no máximo 128 caracteres");
        if (!unmet.isEmpty()) throw new IllegalArgumentException("a senha precisa ter " + String.join(", ", unmet));
    }

    @Override
    public String toString() {
        return "NewPassword[****]";
    }
}
