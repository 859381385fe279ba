package br.com.opera360.bench;

import br.com.opera360.kernel.common.AccountId;
import br.com.opera360.kernel.common.Money;
import br.com.opera360.kernel.invoice.InvoiceId;
import br.com.opera360.kernel.invoice.InvoiceItem;
import br.com.opera360.kernel.invoice.RecordPayment;
import br.com.opera360.kernel.invoice.RegisterInvoice;
import br.com.opera360.testing.ApiTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with:
 * {@code ./mvnw -B -pl ui-adapter -am verify -Dtest=BatchIngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * ({@code -Dbench.batch=N} pairs, default 1,000). Sends N invoices and N payments (2N lines) as one NDJSON batch
 * over HTTP, and the same 2N commands (for another account, same shapes) directly on the command gateway, one after
 * the other as the batch does, in the same run, after a warm-up of both; two runs per side, alternating. Reports
 * lines per second of each and the ratio batch/direct (target >= 0.5) to stdout and target/bench/batch-ingestion.txt.
 */
class BatchIngestionBenchmark extends ApiTest {
    static final int PAIRS = Integer.getInteger("bench.batch", 1_000);
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);
    static final LocalDate DUE = LocalDate.of(2026, 3, 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CommandGateway gateway;

    @Test
    void batch_throughput_against_the_same_commands_on_the_gateway() throws Exception {
        var warmBatch = newAccount();
        var warmDirect = newAccount();
        batch(warmBatch.accountId(), "W", 200);
        direct(warmDirect.accountId(), "W", 200);

        // alternating (direct, batch, batch, direct) so that neither side profits from running later on a shared machine
        double directSeconds = 0;
        double batchSeconds = 0;
        StringBuilder runs = new StringBuilder();
        for (String side : new String[]{"direct", "batch", "batch", "direct"}) {
            var account = newAccount();
            double seconds = side.equals("direct") ? direct(account.accountId(), "B", PAIRS) : batch(account.accountId(), "B", PAIRS);
            if (side.equals("direct")) directSeconds += seconds;
            else batchSeconds += seconds;
            runs.append(String.format("  run %-6s %8.2f s  %8.0f lines/s%n", side, seconds, 2 * PAIRS / seconds));
        }

        int lines = 2 * 2 * PAIRS;
        double batchRate = lines / batchSeconds;
        double directRate = lines / directSeconds;
        String report = String.format("Lines per run: %d (%d invoices + %d payments), one after the other; two runs per side%n",
                2 * PAIRS, PAIRS, PAIRS)
                + runs
                + String.format("direct on the command gateway: %8.2f s  %8.0f commands/s%n", directSeconds, directRate)
                + String.format("POST /api/ingest/batch (NDJSON): %8.2f s  %8.0f lines/s%n", batchSeconds, batchRate)
                + String.format("ratio batch/direct: %.2f (target >= 0.5)%n", batchRate / directRate);
        System.out.println(report);
        Path out = Path.of("target/bench/batch-ingestion.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private double batch(String accountId, String prefix, int pairs) throws Exception {
        StringBuilder body = new StringBuilder(pairs * 400);
        for (int i = 0; i < pairs; i++) {
            body.append(JSON.writeValueAsString(Map.of("type", "invoice", "data", invoiceBody(accountId, prefix + i)))).append('\n');
            body.append(JSON.writeValueAsString(Map.of("type", "payment", "data", Map.of("accountId", accountId,
                    "invoiceNumber", prefix + i, "amount", new BigDecimal("40.00"), "paidOn", "2026-03-10")))).append('\n');
        }
        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = web.mutate().responseTimeout(Duration.ofMinutes(30)).build()
                .post().uri("/api/ingest/batch").header("X-Api-Key", API_KEY)
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(bytes)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(result).containsEntry("accepted", 2 * pairs).containsEntry("rejected", List.of());
        return seconds;
    }

    private double direct(String accountId, String prefix, int pairs) {
        var account = new AccountId(accountId);
        List<Object> commands = new ArrayList<>(2 * pairs);
        for (int i = 0; i < pairs; i++) {
            String number = prefix + i;
            var id = InvoiceId.of(account, number);
            commands.add(new RegisterInvoice(id, account, number, ISSUED, DUE, "M2M Telecomunicações S.A.", null,
                    List.of(new InvoiceItem("LINK-" + number, "Link Dedicado", "Mensalidade", Money.of("100.00"),
                            LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))));
            commands.add(new RecordPayment(id, account, null, Money.of("40.00"), LocalDate.of(2026, 3, 10)));
        }
        long start = System.nanoTime();
        for (Object command : commands) gateway.sendAndWait(command);
        return (System.nanoTime() - start) / 1e9;
    }

    static Map<String, Object> invoiceBody(String accountId, String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", accountId);
        body.put("number", number);
        body.put("issueDate", ISSUED.toString());
        body.put("dueDate", DUE.toString());
        body.put("issuer", "M2M Telecomunicações S.A.");
        body.put("items", List.of(Map.of("designation", "LINK-" + number, "serviceType", "Link Dedicado",
                "description", "Mensalidade", "amount", new BigDecimal("100.00"), "periodStart", "2026-02-01", "periodEnd", "2026-02-28")));
        return body;
    }
}
