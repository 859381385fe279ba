package br.com.opera360.web.user;

import br.com.opera360.kernel.common.Secret;
import br.com.opera360.kernel.user.ChangePassword;
import br.com.opera360.kernel.user.NewPassword;
import br.com.opera360.web.common.Fields;
import br.com.opera360.web.security.PortalUser;

record ChangePasswordRequest(String currentPassword, String newPassword) {
    ChangePassword toCommand(PortalUser user) {
        var fields = new Fields();
        Secret current = fields.parse("currentPassword", () -> {
            if (currentPassword == null || currentPassword.isEmpty()) throw new NullPointerException("currentPassword");
            return new Secret(currentPassword);
        });
        NewPassword chosen = fields.parse("newPassword", () -> new NewPassword(newPassword));
        fields.check();
        return new ChangePassword(user.userId(), user.accountId(), current, chosen, user.sessionId());
    }

    @Override
    public String toString() {
        return "ChangePasswordRequest[****]";
    }
}
