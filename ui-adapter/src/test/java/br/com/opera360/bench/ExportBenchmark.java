package br.com.opera360.bench;

import br.com.opera360.durability.AppProcess;
import br.com.opera360.durability.JarPortal;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.InvoiceViews;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (surefire runs *Test classes only). Run with:
 * {@code ./mvnw -B -pl ui-adapter -am package -DskipTests && ./mvnw -B -o -pl ui-adapter -am verify -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 * ({@code -Dbench.rows=N}, default 1,000,000; {@code -Dbench.store=stock} for mongo-java-server's own backend).
 * <p>
 * Starts the real jar at {@code -Xmx512m} as a child process, fills its invoice read model with N rows by raw
 * {@code insertMany} of view documents (ingesting a million invoices through the API would take hours), then exports
 * them through the API as XLSX and as CSV: wall time from the request to READY, rows/s, and the growth of the jar's
 * live heap during the export (the heap after a full GC forced through {@code jcmd} once a second, as the collector's
 * log reports it, in a second run so that the timed run is undisturbed). Next to it, in this JVM and the same run, the raw baseline: POI SXSSF (and a plain buffered writer for
 * CSV) writing the same N rows and columns from memory. Figures to stdout and target/bench/export.txt.
 */
class ExportBenchmark {
    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final String API_KEY = "export-bench-key-0123456789";
    /** {@code -Dbench.store=stock} runs the same on mongo-java-server's stock H2 backend, for the comparison. */
    static final String STORE = System.getProperty("bench.store", "indexed");
    private final Path work = Path.of("target", "bench", "export-run").toAbsolutePath();

    @AfterEach
    void killLeftovers() {
        AppProcess.killAll();
    }

    record Run(String name, long rows, double seconds, long heapGrowthBytes, long fileBytes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    @Test
    void exporting_a_million_invoices() throws Exception {
        deleteRecursively(work);
        Path jar = AppProcess.neutralCopy(Path.of(System.getProperty("opera360.jar", "target/opera360.jar")).toAbsolutePath(), work);
        Path data = work.resolve("data");
        int mongoPort = AppProcess.freePort();
        var app = AppProcess.start(jar, data, API_KEY, work.resolve("app.log"),
                Map.of("OPERA360_EMBEDDED_MONGO_PORT", String.valueOf(mongoPort), "OPERA360_EXPORTS_WORKERS", "1",
                        "OPERA360_EMBEDDED_READ_STORE", STORE));
        var portal = new JarPortal(app.baseUrl(), API_KEY, data.resolve("outbox"));
        app.awaitHealthy(portal.http(), Duration.ofMinutes(3));
        var account = portal.registerAccount(ApiTest.newCnpj());
        String token = portal.signInAdministrator(account.adminEmail());
        long fillStart = System.nanoTime();
        InvoiceViews.fill(mongoPort, account.accountId(), ROWS, InvoiceViews.Shape.UNPAID);
        double fillSeconds = Latencies.secondsSince(fillStart);

        List<String> lines = new ArrayList<>();
        lines.add(String.format("Export benchmark: %,d invoice rows x 6 columns, app at -Xmx512m (embedded mode, %s read store), read model filled in %.1f s", ROWS, STORE, fillSeconds));
        Run rawXlsx = rawXlsx();
        Run rawCsv = rawCsv();
        // the query read once untimed, so that the timed read finds the store's code as warm as the exports will
        storeRead(mongoPort, account.accountId());
        Run read = storeRead(mongoPort, account.accountId());
        lines.add(String.format("store read alone: the export's query through the MongoDB driver from this JVM, every row's fields read: %8.0f rows/s (%.1f s)",
                read.rowsPerSecond(), read.seconds()));
        for (String format : List.of("xlsx", "csv")) {
            Run timed = export(portal, app, token, format, false);
            Run probed = export(portal, app, token, format, true);
            Run raw = format.equals("xlsx") ? rawXlsx : rawCsv;
            lines.add(String.format("%-5s endpoint: %8.0f rows/s  wall %6.1f s  file %,d bytes  | raw %s: %8.0f rows/s (%.1f s) | ratio %.2f (target >= 0.6) | live heap growth during export %,d MB (target <= 64)",
                    format.toUpperCase(Locale.ROOT), timed.rowsPerSecond(), timed.seconds(), timed.fileBytes(), raw.name(),
                    raw.rowsPerSecond(), raw.seconds(), timed.rowsPerSecond() / raw.rowsPerSecond(), probed.heapGrowthBytes() / (1024 * 1024)));
            // one thread reading then writing each row can at best do both costs added up
            double readThenWrite = 1 / (1 / read.rowsPerSecond() + 1 / raw.rowsPerSecond());
            lines.add(String.format("%-5s store read + %s, costs added: %8.0f rows/s | endpoint / that %.2f",
                    "", raw.name(), readThenWrite, timed.rowsPerSecond() / readThenWrite));
        }
        app.stop();
        lines.forEach(System.out::println);
        Files.createDirectories(work.getParent());
        Files.write(work.getParent().resolve("export-" + STORE + ".txt"), lines, StandardCharsets.UTF_8);
    }

    private Run export(JarPortal portal, AppProcess app, String token, String format, boolean probeHeap) throws Exception {
        long baseline = probeHeap ? liveHeap(app.pid()) : 0;
        long peak = baseline;
        long start = System.nanoTime();
        String id = portal.requestExport(token, "invoices", format, Map.of());
        Map<String, Object> n;
        while (true) {
            n = portal.notification(token, id);
            if (n != null && ("READY".equals(n.get("status")) || "FAILED".equals(n.get("status")))) break;
            if (probeHeap) peak = Math.max(peak, liveHeap(app.pid()));
            Thread.sleep(probeHeap ? 1000 : 100);
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) throw new AssertionError("export too slow: " + n);
        }
        double seconds = Latencies.secondsSince(start);
        assertThat(n).as("export %s", format).containsEntry("status", "READY");
        assertThat(((Number) n.get("rowCount")).longValue()).isEqualTo(ROWS);
        var file = portal.download(token, id);
        assertThat(file.statusCode()).isEqualTo(200);
        return new Run(format, ROWS, seconds, peak - baseline, file.body().length);
    }

    private static final Pattern FULL_GC = Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M");

    /**
     * The jar's heap right after a full GC, as the collector itself reports it: {@code jcmd GC.run} (a System.gc(),
     * which waits while a JNI critical section holds the GC locker) with the collector's log turned on through
     * {@code jcmd VM.log}. Two simpler probes measured garbage: {@code GC.run} then a separate {@code GC.heap_info}
     * counted whatever the export allocated between the two commands, and a class histogram skips its collection
     * ("GC locker is held; pre-dump GC was skipped") whenever the export thread is inside zlib (XLSX: SXSSF's
     * compressed temporary file and the final zip), counting every dead object: 150-240 MB of noise.
     */
    private long liveHeap(long pid) throws IOException, InterruptedException {
        Path log = work.resolve("gc-" + pid + ".log");
        if (!Files.exists(log)) jcmd(pid, "VM.log output=" + log + " what=gc");
        jcmd(pid, "GC.run");
        var m = FULL_GC.matcher(Files.readString(log));
        long after = -1;
        while (m.find()) after = Long.parseLong(m.group(1));
        if (after < 0) throw new AssertionError("no full GC in " + log);
        return after * 1024 * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        var arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        arguments.addAll(List.of(command.split(" ")));
        var process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** POI SXSSF alone: the same columns, styles and values, from memory into a file. */
    /**
     * The store alone: the export's own query (the account, {@code dueDate} then {@code number} descending, the list
     * row's seven fields, batches of 1,000) through the MongoDB driver from this JVM, each row's fields read.
     */
    private Run storeRead(int mongoPort, String accountId) {
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var invoices = client.getDatabase("opera360").getCollection("invoices");
            long start = System.nanoTime();
            long rows = 0;
            long fields = 0;
            for (Document row : invoices.find(Filters.eq("accountId", accountId))
                                        .sort(Sorts.descending("dueDate", "number"))
                                        .projection(Projections.include("number", "issueDate", "dueDate", "totalCents", "amountDueCents", "issuer", "state"))
                                        .batchSize(1000)) {
                rows++;
                for (Object value : row.values()) if (value != null) fields++;
            }
            double seconds = Latencies.secondsSince(start);
            assertThat(rows).isEqualTo(ROWS);
            assertThat(fields).isGreaterThanOrEqualTo(7L * ROWS);
            return new Run("store read", rows, seconds, 0, 0);
        }
    }

    private Run rawXlsx() throws IOException {
        Path file = Files.createTempFile("raw-export", ".xlsx");
        long start = System.nanoTime();
        try (var workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            var sheet = workbook.createSheet("Faturas");
            var format = workbook.createDataFormat();
            var date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("dd/mm/yyyy"));
            var money = workbook.createCellStyle();
            money.setDataFormat(format.getFormat("R$ #,##0.00"));
            var head = sheet.createRow(0);
            String[] headers = {"Nº Fatura", "Data Emissão", "Data Vencimento", "Valor Total", "Empresa Emissora", "Status"};
            for (int i = 0; i < headers.length; i++) head.createCell(i).setCellValue(headers[i]);
            LocalDate first = LocalDate.of(2025, 1, 1);
            for (int i = 0; i < ROWS; i++) {
                var row = sheet.createRow(i + 1);
                LocalDate issued = first.plusDays(i % 365);
                row.createCell(0).setCellValue(String.format("B%09d", i));
                var c1 = row.createCell(1);
                c1.setCellValue(issued);
                c1.setCellStyle(date);
                var c2 = row.createCell(2);
                c2.setCellValue(issued.plusDays(20));
                c2.setCellStyle(date);
                var c3 = row.createCell(3);
                c3.setCellValue(BigDecimal.valueOf(10_000 + (i % 500_000), 2).doubleValue());
                c3.setCellStyle(money);
                row.createCell(4).setCellValue("M2M Telecomunicações S.A.");
                row.createCell(5).setCellValue("Pendente");
            }
            workbook.write(out);
        }
        double seconds = Latencies.secondsSince(start);
        long size = Files.size(file);
        Files.delete(file);
        return new Run("POI SXSSF", ROWS, seconds, 0, size);
    }

    /** A plain buffered writer with java.text formats: the same CSV rows, from memory into a file. */
    private Run rawCsv() throws IOException {
        Path file = Files.createTempFile("raw-export", ".csv");
        long start = System.nanoTime();
        var dates = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        var amounts = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pt-BR")));
        try (var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 64 * 1024)) {
            out.write("\uFEFFNº Fatura;Data Emissão;Data Vencimento;Valor Total;Empresa Emissora;Status\r\n");
            LocalDate first = LocalDate.of(2025, 1, 1);
            for (int i = 0; i < ROWS; i++) {
                LocalDate issued = first.plusDays(i % 365);
                out.write(String.format("B%09d", i));
                out.write(';');
                out.write(dates.format(issued));
                out.write(';');
                out.write(dates.format(issued.plusDays(20)));
                out.write(';');
                out.write(amounts.format(BigDecimal.valueOf(10_000 + (i % 500_000), 2)));
                out.write(";M2M Telecomunicações S.A.;Pendente\r\n");
            }
        }
        double seconds = Latencies.secondsSince(start);
        long size = Files.size(file);
        Files.delete(file);
        return new Run("buffered writer", ROWS, seconds, 0, size);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
