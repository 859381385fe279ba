package br.com.opera360.web.user;

import br.com.opera360.kernel.common.Email;
import br.com.opera360.kernel.user.RequestPasswordReset;
import br.com.opera360.web.common.Fields;

record ForgotPasswordRequest(String email) {
    RequestPasswordReset toCommand() {
        var fields = new Fields();
        Email parsed = fields.parse("email", () -> new Email(email));
        fields.check();
        return new RequestPasswordReset(parsed);
    }
}
