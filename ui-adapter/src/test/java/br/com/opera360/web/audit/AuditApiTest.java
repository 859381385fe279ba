package br.com.opera360.web.audit;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static br.com.opera360.testing.IngestBodies.invoice;
import static br.com.opera360.testing.IngestBodies.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit/events}: the account's events, oldest first, filtered and paginated, never another account's. */
class AuditApiTest extends ApiTest {
    private static final LocalDate PAID_ON = LocalDate.of(2026, 3, 12);

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String token, String query) {
        return web.get().uri("/api/audit/events" + query).headers(bearer(token)).exchange()
                  .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** The projection follows the event store asynchronously: waits until the page satisfies {@code ready}. */
    private Map<String, Object> await(String token, String query, Predicate<Map<String, Object>> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Object> page = page(token, query);
        while (!ready.test(page) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            page = page(token, query);
        }
        return page;
    }

    private static Predicate<Map<String, Object>> contains(String eventType) {
        return p -> items(p).stream().anyMatch(e -> eventType.equals(e.get("eventType")));
    }

    @SuppressWarnings("unchecked")
    private String userIdOf(String token) {
        return (String) web.get().uri("/api/me").headers(bearer(token)).exchange().expectStatus().isOk()
                           .expectBody(Map.class).returnResult().getResponseBody().get("userId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ingestion_and_portal_actions_are_listed_oldest_first_with_actor_source_and_correlation_id() {
        String cnpj = newCnpj();
        String email = "auditada-" + cnpj + "@cliente.com.br";
        String accountId = (String) web.post().uri("/api/ingest/accounts").header("X-Api-Key", API_KEY)
                .header("X-Correlation-Id", "cadastro-" + cnpj).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cnpj", cnpj, "companyName", "Auditada Ltda", "administrator", Map.of("name", "Ana", "email", email)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("accountId");
        var account = new TestAccount(accountId, cnpj, email);
        String admin = loginAsAdmin(account);
        String adminId = userIdOf(admin);
        String profileId = (String) web.post().uri("/api/profiles").headers(bearer(admin)).header("X-Correlation-Id", "perfil-" + cnpj)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Auditores", "functionalities", List.of("AUDIT_VIEW")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        var page = await(admin, "?size=500", p -> items(p).stream().anyMatch(e -> profileId.equals(((Map<String, Object>) e.get("payload")).get("profileId"))
                && "ProfileCreated".equals(e.get("eventType"))));
        var events = items(page);
        // one unit of work claims the CNPJ, creates the account, its Administrador profile and its Administrator
        assertThat(events.subList(0, 6)).extracting(e -> e.get("eventType"))
                .containsExactlyInAnyOrder("CnpjClaimed", "AccountRegistered", "ProfileCreated", "EmailClaimed", "UserCreated", "TemporaryPasswordIssued");
        assertThat(events).extracting(e -> ((Number) e.get("globalIndex")).longValue()).isSorted().doesNotHaveDuplicates();

        var claim = events.get(0);
        assertThat(claim).containsEntry("eventType", "CnpjClaimed");
        assertThat(claim).containsEntry("aggregateType", "CnpjClaim").containsEntry("aggregateId", cnpj).containsEntry("sequence", 0);
        assertThat(claim.get("timestamp")).isEqualTo("2026-03-10T15:00:00Z");
        assertThat((Map<String, Object>) claim.get("payload")).containsEntry("cnpj", cnpj).containsEntry("accountId", accountId);
        assertThat((Map<String, Object>) claim.get("metadata")).containsEntry("actor", "system:ingest").containsEntry("source", "ingest")
                .containsEntry("correlationId", "cadastro-" + cnpj);
        assertThat(events.get(0)).isSameAs(claim);
        assertThat(events.stream().filter(e -> accountId.equals(e.get("aggregateId"))).toList())
                .extracting(e -> e.get("aggregateType"), e -> e.get("sequence"), e -> e.get("eventType"))
                .startsWith(org.assertj.core.groups.Tuple.tuple("CustomerAccount", 0, "AccountRegistered"),
                        org.assertj.core.groups.Tuple.tuple("CustomerAccount", 1, "ProfileCreated"));

        var created = events.stream().filter(e -> profileId.equals(((Map<String, Object>) e.get("payload")).get("profileId"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) created.get("metadata")).containsEntry("actor", adminId).containsEntry("source", "portal")
                .containsEntry("correlationId", "perfil-" + cnpj);
        assertThat((Map<String, Object>) created.get("payload")).containsEntry("name", "Auditores");
        assertThat(events).extracting(e -> e.get("eventType")).contains("LoginTokenSent", "LoginSucceeded", "PasswordChanged");
        var passwordChanged = events.stream().filter(e -> "PasswordChanged".equals(e.get("eventType"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) passwordChanged.get("metadata")).containsEntry("actor", adminId).containsEntry("source", "portal");
        // a login is made before anyone is authenticated: its events name the user whose e-mail and token they were
        assertThat(events.stream().filter(e -> List.of("LoginTokenSent", "LoginSucceeded").contains(e.get("eventType"))).toList())
                .isNotEmpty()
                .allSatisfy(e -> assertThat((Map<String, Object>) e.get("metadata")).containsEntry("actor", adminId).containsEntry("source", "portal"));
        assertThat(events).extracting(e -> ((Map<String, Object>) e.get("metadata")).get("actor")).doesNotContain("anonymous");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_forgotten_password_is_recorded_with_the_user_whose_e_mail_it_was_as_actor() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        String email = createUser(admin, createProfile(admin, "Consulta", "INVOICES_VIEW"), "Beatriz");
        String userId = userIdOf(loginAs(email));
        // nobody is logged in on this call: the handler learns from the e-mail whose reset it is
        web.post().uri("/api/auth/forgot-password").contentType(MediaType.APPLICATION_JSON)
           .bodyValue(Map.of("email", email)).exchange().expectStatus().isAccepted();

        Predicate<Map<String, Object>> reset = e -> "TemporaryPasswordIssued".equals(e.get("eventType"))
                && "PASSWORD_RESET".equals(((Map<String, Object>) e.get("payload")).get("reason"))
                && userId.equals(((Map<String, Object>) e.get("payload")).get("userId"));
        var page = await(admin, "?size=500", p -> items(p).stream().anyMatch(reset));
        assertThat(items(page).stream().filter(reset).toList()).singleElement()
                .satisfies(e -> assertThat((Map<String, Object>) e.get("metadata")).containsEntry("actor", userId)
                        .containsEntry("source", "portal"));
    }

    @Test
    void filters_by_aggregate_and_inclusive_instants_and_paginates() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        Instant registeredAt = clock.instant();
        ingest("/api/ingest/invoices", invoice(account.accountId(), "A-1", "100.00")).expectStatus().isCreated();
        ingest("/api/ingest/invoices", invoice(account.accountId(), "A-2", "50.00")).expectStatus().isCreated();
        clock.add(Duration.ofHours(2));
        Instant paidAt = clock.instant();
        ingest("/api/ingest/payments", payment(account.accountId(), "A-1", "40.00", PAID_ON)).expectStatus().isCreated();
        clock.add(Duration.ofHours(2));
        ingest("/api/ingest/payments", payment(account.accountId(), "A-1", "60.00", PAID_ON)).expectStatus().isCreated();

        String invoice = account.accountId() + ":A-1";
        var one = await(admin, "?aggregateType=Invoice&aggregateId=" + invoice, p -> ((Number) p.get("totalItems")).intValue() == 3);
        assertThat(items(one)).extracting(e -> e.get("eventType")).containsExactly("InvoiceRegistered", "PaymentRecorded", "PaymentRecorded");
        assertThat(items(one)).extracting(e -> e.get("sequence")).containsExactly(0, 1, 2);
        assertThat(items(one)).allSatisfy(e -> assertThat(e).containsEntry("aggregateId", invoice));
        assertThat(page(admin, "?aggregateId=" + invoice)).containsEntry("totalItems", 3);
        assertThat(page(admin, "?aggregateType=CustomerAccount&aggregateId=" + invoice)).containsEntry("totalItems", 0);
        assertThat(page(admin, "?aggregateType=Invoice")).containsEntry("totalItems", 4);

        // from/to are inclusive; the offset is honoured (12:00 in São Paulo is 15:00Z)
        var at = page(admin, "?aggregateType=Invoice&from=" + paidAt + "&to=" + paidAt);
        assertThat(items(at)).extracting(e -> e.get("eventType")).containsExactly("PaymentRecorded");
        assertThat(items(at).get(0)).containsEntry("aggregateId", invoice).containsEntry("sequence", 1);
        var registration = page(admin, "?aggregateType=Invoice&to=2026-03-10T12:00:00-03:00");
        assertThat(items(registration)).extracting(e -> e.get("eventType")).containsExactly("InvoiceRegistered", "InvoiceRegistered");
        assertThat(registeredAt).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
        assertThat(page(admin, "?aggregateType=Invoice&from=" + paidAt.plusMillis(1))).containsEntry("totalItems", 1);

        var all = page(admin, "?size=500");
        int total = ((Number) all.get("totalItems")).intValue();
        var second = page(admin, "?page=1&size=2");
        assertThat(second).containsEntry("page", 1).containsEntry("size", 2).containsEntry("totalItems", total)
                .containsEntry("totalPages", (total + 1) / 2);
        assertThat(items(second)).isEqualTo(items(all).subList(2, 4));
        assertThat(items(page(admin, "?page=99&size=10"))).isEmpty();
    }

    @Test
    void bad_instants_and_paging_are_a_400_naming_the_parameter() {
        var account = newAccount();
        String admin = loginAsAdmin(account);
        for (String query : List.of("?from=ontem", "?to=2026-03-10", "?from=2026-03-10T10:00:00", "?page=-1", "?size=0",
                "?size=501", "?page=x", "?from=2026-03-11T00:00:00Z&to=2026-03-10T00:00:00Z")) {
            web.get().uri("/api/audit/events" + query).headers(bearer(admin)).exchange()
               .expectStatus().isBadRequest()
               .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
               .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Dados inválidos"))
               .jsonPath("$.errors[0].field").exists();
        }
    }

    @Test
    void another_accounts_events_are_never_visible() {
        var mine = newAccount();
        var other = newAccount();
        ingest("/api/ingest/invoices", invoice(other.accountId(), "X-1", "10.00")).expectStatus().isCreated();
        String otherAdmin = loginAsAdmin(other);
        await(otherAdmin, "?aggregateType=Invoice", p -> ((Number) p.get("totalItems")).intValue() == 1);

        String auditor = loginWith(mine, "AUDIT_VIEW");
        assertThat(page(auditor, "?aggregateId=" + other.accountId() + ":X-1")).containsEntry("totalItems", 0);
        assertThat(page(auditor, "?aggregateId=" + other.accountId())).containsEntry("totalItems", 0);
        assertThat(page(auditor, "?aggregateId=" + other.cnpj())).containsEntry("totalItems", 0);
        var all = items(page(auditor, "?size=500"));
        assertThat(all).isNotEmpty().allSatisfy(e -> {
            assertThat(String.valueOf(e.get("aggregateId"))).doesNotContain(other.accountId()).isNotEqualTo(other.cnpj());
            assertThat(String.valueOf(e.get("payload"))).doesNotContain(other.accountId());
        });
    }

    @Test
    void without_audit_view_the_list_is_forbidden() {
        var account = newAccount();
        WebTestClient.ResponseSpec answer = web.get().uri("/api/audit/events").headers(bearer(loginWith(account, "INVOICES_VIEW"))).exchange();
        answer.expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/audit/events").exchange().expectStatus().isUnauthorized();
    }
}
