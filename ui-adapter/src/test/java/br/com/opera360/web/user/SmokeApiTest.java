package br.com.opera360.web.user;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;

class SmokeApiTest extends ApiTest {
    @Test
    void smoke() {
        var account = newAccount();
        String token = loginAsAdmin(account);
        System.out.println("ME: " + web.get().uri("/api/me").headers(bearer(token)).exchange().expectBody(String.class).returnResult().getResponseBody());
        System.out.println("PROFILES: " + web.get().uri("/api/profiles").headers(bearer(token)).exchange().expectBody(String.class).returnResult().getResponseBody());
        String token2 = loginWith(account, "INVOICES_VIEW");
        System.out.println("ME2: " + web.get().uri("/api/me").headers(bearer(token2)).exchange().expectBody(String.class).returnResult().getResponseBody());
        System.out.println("USERS: " + web.get().uri("/api/users").headers(bearer(token)).exchange().expectBody(String.class).returnResult().getResponseBody());
        System.out.println("PROFILES: " + web.get().uri("/api/profiles").headers(bearer(token)).exchange().expectBody(String.class).returnResult().getResponseBody());
        System.out.println("USERS403: " + web.get().uri("/api/users").headers(bearer(token2)).exchange().expectBody(String.class).returnResult().getResponseBody());
    }
}
