package br.com.opera360.durability;

import br.com.opera360.testing.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A portal client of a running jar over plain HTTP (what a browser does): registers an account, signs its
 * Administrator in through the e-mailed codes, asks for exports, follows notifications, downloads files. Also fills a
 * jar's invoice read model directly (raw {@code insertMany} of view documents into its embedded store): ingesting a
 * million invoices through the API would take hours.
 */
public final class JarPortal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String apiKey;
    private final Outbox outbox;

    public JarPortal(String base, String apiKey, Path outboxDir) {
        this.base = base;
        this.apiKey = apiKey;
        this.outbox = new Outbox(outboxDir);
    }

    public HttpClient http() {
        return http;
    }

    /** The application's base URL ({@code http://127.0.0.1:<port>}). */
    public String base() {
        return base;
    }

    public record Account(String accountId, String adminEmail) {
    }

    public Account registerAccount(String cnpj) {
        String email = "admin-" + cnpj + "@cliente.com.br";
        var body = Map.of("cnpj", cnpj, "companyName", "Cliente " + cnpj,
                "administrator", Map.of("name", "Administradora", "email", email));
        var answer = send("POST", "/api/ingest/accounts", body, null, 201);
        return new Account((String) answer.get("accountId"), email);
    }

    public void ingestInvoice(String accountId, String number, LocalDate issueDate, LocalDate dueDate, String amount) {
        var item = Map.of("designation", "LINK-" + number, "serviceType", "Link Dedicado", "description", "Mensalidade",
                "amount", new java.math.BigDecimal(amount));
        send("POST", "/api/ingest/invoices", Map.of("accountId", accountId, "number", number, "issueDate", issueDate.toString(),
                "dueDate", dueDate.toString(), "issuer", "M2M Telecomunicações S.A.", "items", List.of(item)), null, 201);
    }

    /** The Administrator signed in with a password of their own: answers the bearer token. */
    public String signInAdministrator(String email) {
        String temporary = outbox.awaitCount(email, 1).get(0).temporaryPassword();
        String token = login(email, temporary);
        String chosen = "Export#" + UUID.randomUUID().toString().substring(0, 8) + "Aa1";
        send("POST", "/api/auth/password", Map.of("currentPassword", temporary, "newPassword", chosen), token, 204);
        return token;
    }

    private String login(String email, String password) {
        int before = outbox.to(email).size();
        var challenge = send("POST", "/api/auth/login", Map.of("email", email, "password", password), null, 202);
        String code = outbox.awaitCount(email, before + 1).get(before).token();
        var session = send("POST", "/api/auth/token", Map.of("challengeId", challenge.get("challengeId"), "token", code), null, 200);
        return (String) session.get("accessToken");
    }

    public String requestExport(String token, String dataset, String format, Map<String, Object> filters) {
        return (String) send("POST", "/api/exports", Map.of("dataset", dataset, "format", format, "filters", filters), token, 202)
                .get("exportId");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> notification(String token, String exportId) {
        var page = send("GET", "/api/notifications?size=500", null, token, 200);
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(n -> exportId.equals(n.get("exportId"))).findFirst().orElse(null);
    }

    /** Polls until the export is in one of {@code statuses}; answers its notification. */
    public Map<String, Object> await(String token, String exportId, Duration timeout, String... statuses) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            last = notification(token, exportId);
            if (last != null && List.of(statuses).contains(last.get("status"))) return last;
            AppProcess.sleep(20);
        }
        throw new AssertionError("export " + exportId + " not in " + List.of(statuses) + " within " + timeout + ": " + last);
    }

    public HttpResponse<byte[]> download(String token, String exportId) {
        try {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/exports/" + exportId + "/file"))
                                     .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> send(String method, String path, Object body, String token, int expected) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (token != null) builder.header("Authorization", "Bearer " + token);
            else builder.header("X-Api-Key", apiKey);
            if (body != null) {
                builder.header("Content-Type", "application/json")
                       .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
