package br.com.opera360.web.user;

import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.common.Secret;
import br.com.opera360.kernel.user.LogIn;
import br.com.opera360.web.common.Fields;

import java.util.UUID;

record LoginRequest(String email, String password) {
    LogIn toCommand() {
        var fields = new Fields();
        Email parsed = fields.parse("email", () -> new Email(email));
        // a password is taken exactly as typed: spaces may be part of it
        Secret secret = fields.parse("password", () -> {
            if (password == null || password.isEmpty()) throw new NullPointerException("password");
            return new Secret(password);
        });
        fields.check();
        return new LogIn(parsed, secret, UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
