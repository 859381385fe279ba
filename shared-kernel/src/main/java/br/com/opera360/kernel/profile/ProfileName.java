package br.com.opera360.kernel.profile;

import br.com.opera360.kernel.common.Functionality;

import java.util.List;
import java.util.Objects;

/** A profile's name: 1 to 60 characters once surrounding spaces are gone. */
public record ProfileName(String value) {
    public ProfileName {
        value = require(value);
    }

    static String require(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: é obrigatório");
        String v = name.strip();
        if (v.length() > 60) throw new IllegalArgumentException("name: deve ter no máximo 60 caracteres");
        return v;
    }

    /** Functionalities without repeats, in the contract's order. */
    static List<Functionality> sorted(List<Functionality> functionalities) {
        Objects.requireNonNull(functionalities, "functionalities");
        return functionalities.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
