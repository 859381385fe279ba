package br.com.opera360.durability;

import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.InvoiceViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports survive a crash: the real jar is SIGKILLed while exports are being produced, restarted on the same data
 * dir, and every export ends READY (produced again from the first row, attempt 2) or FAILED with a reason, never
 * stuck in RUNNING; the files are whole. The invoice read model is padded with raw view documents so that an export
 * runs long enough to be killed; the restart after the kill rebuilds the read model from the events (embedded crash
 * recovery), so the second attempt exports the invoices that were really ingested.
 * Run: {@code ./mvnw -B -pl ui-adapter -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ExportRestartIT}
 */
class ExportRestartIT {
    static final String API_KEY = "export-restart-key-0123456789";
    static final int PADDING = Integer.getInteger("exportrestart.rows", 30_000);
    private final Path work = Path.of("target", "exportrestart", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();

    @AfterEach
    void killLeftovers() {
        AppProcess.killAll();
    }

    @Test
    void an_export_running_when_the_process_is_killed_ends_ready_after_the_restart() throws IOException {
        Path jar = AppProcess.neutralCopy(AppProcess.builtJar(), work);
        Path data = work.resolve("data");
        int mongoPort = AppProcess.freePort();
        var settings = Map.of("OPERA360_EMBEDDED_MONGO_PORT", String.valueOf(mongoPort),
                "OPERA360_EXPORTS_SWEEP_INTERVAL", "PT1S");
        var first = AppProcess.start(jar, data, API_KEY, work.resolve("1-export.log"), settings);
        var portal = new JarPortal(first.baseUrl(), API_KEY, data.resolve("outbox"));
        first.awaitHealthy(portal.http(), Duration.ofMinutes(5));

        var account = portal.registerAccount(ApiTest.newCnpj());
        LocalDate due = LocalDate.now().plusDays(30);
        portal.ingestInvoice(account.accountId(), "R-1", due.minusDays(20), due, "10.00");
        portal.ingestInvoice(account.accountId(), "R-2", due.minusDays(19), due.plusDays(1), "2255.69");
        portal.ingestInvoice(account.accountId(), "R-3", due.minusDays(18), due.plusDays(2), "30.00");
        String token = portal.signInAdministrator(account.adminEmail());
        InvoiceViews.fill(mongoPort, account.accountId(), PADDING, InvoiceViews.Shape.UNPAID);

        String xlsx = portal.requestExport(token, "invoices", "xlsx", Map.of());
        String csv = portal.requestExport(token, "invoices", "csv", Map.of("sort", "dueDate,asc"));
        var running = portal.await(token, xlsx, Duration.ofSeconds(60), "RUNNING", "READY", "FAILED");
        assertThat(running.get("status")).as("the export must still be running when killed").isEqualTo("RUNNING");
        first.kill9();
        assertThat(first.awaitExit(Duration.ofSeconds(30))).isEqualTo(AppProcess.EXIT_BY_SIGKILL);

        var second = AppProcess.start(jar, data, API_KEY, work.resolve("2-restart.log"), settings);
        second.awaitHealthy(portal.http(), Duration.ofMinutes(5));
        var again = new JarPortal(second.baseUrl(), API_KEY, data.resolve("outbox"));
        // access tokens survive a restart
        var xlsxDone = again.await(token, xlsx, Duration.ofSeconds(60), "READY", "FAILED");
        var csvDone = again.await(token, csv, Duration.ofSeconds(60), "READY", "FAILED");
        assertThat(xlsxDone).containsEntry("status", "READY").containsEntry("progress", 100).containsEntry("rowCount", 3);
        assertThat(csvDone).containsEntry("status", "READY").containsEntry("rowCount", 3);

        var file = again.download(token, csv);
        assertThat(file.statusCode()).isEqualTo(200);
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(4);
        assertThat(text.lines().skip(1).map(l -> l.split(";")[0]).toList()).containsExactly("R-1", "R-2", "R-3");
        assertThat(again.download(token, xlsx).statusCode()).isEqualTo(200);

        String log = Files.readString(second.log(), StandardCharsets.UTF_8);
        assertThat(log).contains("Export " + xlsx + " was interrupted").contains("Export " + xlsx + " ready");
        second.stop();
    }

}
