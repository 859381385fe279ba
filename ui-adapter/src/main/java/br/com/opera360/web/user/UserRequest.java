package br.com.opera360.web.user;

import br.com.opera360.kernel.common.Cpf;
import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.ProfileId;
import br.com.opera360.kernel.common.UserId;
import br.com.opera360.kernel.user.CreateUser;
import br.com.opera360.kernel.user.UpdateUser;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.security.PortalUser;

import java.util.regex.Pattern;

/** Body of {@code POST /api/users} and {@code PUT /api/users/{id}} (the e-mail cannot be changed). */
record UserRequest(String name, String email, String phone, String cpf, String profileId) {
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\s-]{8,20}");

    CreateUser toCreate(PortalUser actor, UserId id) {
        var fields = new Fields();
        String n = fields.requiredText("name", name, 120);
        Email e = fields.parse("email", () -> new Email(email));
        String p = phone(fields);
        Cpf c = cpf(fields);
        ProfileId profile = profile(fields);
        fields.check();
        return new CreateUser(id, actor.accountId(), n, e, p, c, profile, actor.userId());
    }

    UpdateUser toUpdate(PortalUser actor, UserId id) {
        var fields = new Fields();
        String n = fields.requiredText("name", name, 120);
        String p = phone(fields);
        Cpf c = cpf(fields);
        ProfileId profile = profile(fields);
        fields.check();
        return new UpdateUser(id, actor.accountId(), n, p, c, profile, actor.userId());
    }

    private String phone(Fields fields) {
        if (phone == null || phone.isBlank()) return null;
        return fields.parse("phone", () -> {
            String v = phone.strip();
            if (!PHONE.matcher(v).matches() || v.chars().filter(Character::isDigit).count() < 8) {
                throw new IllegalArgumentException("telefone inválido: use de 8 a 20 caracteres, com DDD");
            }
            return v;
        });
    }

    private Cpf cpf(Fields fields) {
        if (cpf == null || cpf.isBlank()) return null;
        return fields.parse("cpf", () -> new Cpf(cpf));
    }

    private ProfileId profile(Fields fields) {
        return fields.parse("profileId", () -> {
            if (profileId == null || profileId.isBlank()) throw new NullPointerException("profileId");
            return new ProfileId(profileId.strip());
        });
    }
}
