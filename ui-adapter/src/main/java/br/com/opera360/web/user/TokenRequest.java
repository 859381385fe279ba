package br.com.opera360.web.user;

import br.com.opera360.kernel.common.Secret;
import br.com.opera360.kernel.user.ConfirmLogin;
import br.com.opera360.web.common.Fields;

record TokenRequest(String challengeId, String token) {
    ConfirmLogin toCommand(String sessionId) {
        var fields = new Fields();
        String id = fields.requiredText("challengeId", challengeId, 100);
        Secret secret = fields.parse("token", () -> {
            if (token == null || token.isBlank()) throw new NullPointerException("token");
            return new Secret(token);
        });
        fields.check();
        return new ConfirmLogin(id, secret, sessionId);
    }

    @Override
    public String toString() {
        return "TokenRequest[challengeId=" + challengeId + "]";
    }
}
