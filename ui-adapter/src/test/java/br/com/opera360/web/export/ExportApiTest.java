package br.com.opera360.web.export;

import br.com.opera360.kernel.export.ExportFiles;
import br.com.opera360.kernel.export.ExportId;
import br.com.opera360.testing.ApiTest;
import br.com.opera360.testing.IngestBodies;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports and notifications as a portal user sees them: request, follow, download, expire; only the requester. */
class ExportApiTest extends ApiTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10); // ApiTest.START in São Paulo
    static final List<String> INVOICE_HEADERS = List.of("Nº Fatura", "Data Emissão", "Data Vencimento", "Valor Total",
            "Empresa Emissora", "Status");
    static final List<String> SERVICE_HEADERS = List.of("Designação", "Tipo de Serviço", "Contrato", "Código Cliente",
            "Velocidade (Mbps)", "Status", "Endereço", "Cidade", "UF", "CEP");

    @Autowired
    ExportFiles files;

    // ---- helpers ------------------------------------------------------------------------------------------------

    WebTestClient portal(TestAccount account, String... functionalities) {
        return web.mutate().defaultHeaders(bearer(loginWith(account, functionalities)))
                  .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The issuer's name has a semicolon: the CSV must quote it. */
    void invoice(String accountId, String number, LocalDate issueDate, LocalDate dueDate, String amount) {
        ingest("/api/ingest/invoices", IngestBodies.invoice(accountId, number, issueDate, dueDate,
                List.of(IngestBodies.item("LINK-" + number, amount))).with("issuer", "M2M Telecomunicações; S.A.")).expectStatus().isCreated();
    }

    void pay(String accountId, String number, String amount) {
        ingest("/api/ingest/payments", IngestBodies.payment(accountId, number, amount, TODAY)).expectStatus().isCreated();
    }

    /** At Av. Principal 100, Sala 2, Centro; no location, no activation date. */
    void service(String accountId, String designation, String status, int speed, String city, String state, String cep) {
        var address = IngestBodies.address("Av. Principal", "100", "Centro", city, state, cep).with("complement", "Sala 2");
        var body = IngestBodies.service(accountId, designation).with("contract", "CT-1").with("clientCode", "CLI-9")
                               .with("speedMbps", speed).with("status", status).with("address", address)
                               .with("activatedOn", null).with("location", null);
        ingest("/api/ingest/services", body).expectStatus().isCreated();
    }

    /** Three invoices: OPEN (due in 10 days), PENDING (due 5 days ago) and PAID. */
    TestAccount accountWithInvoices() {
        var account = newAccount();
        invoice(account.accountId(), "F-001", LocalDate.of(2026, 2, 1), TODAY.plusDays(10), "2255.69");
        invoice(account.accountId(), "F-002", LocalDate.of(2026, 1, 15), TODAY.minusDays(5), "100.00");
        invoice(account.accountId(), "F-003", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 5), "1234567.89");
        pay(account.accountId(), "F-003", "1234567.89");
        return account;
    }

    TestAccount accountWithServices() {
        var account = newAccount();
        service(account.accountId(), "SP-0001", "ACTIVE", 100, "São Paulo", "SP", "01310100");
        service(account.accountId(), "RJ-0001", "SUSPENDED", 50, "Rio de Janeiro", "RJ", "20040020");
        service(account.accountId(), "SP-0002", "INSTALLING", 1000, "São Paulo", "SP", "01310200");
        return account;
    }

    static String requestExport(WebTestClient client, String dataset, String format, Map<String, Object> filters) {
        return (String) client.post().uri("/api/exports").contentType(MediaType.APPLICATION_JSON)
                              .bodyValue(Map.of("dataset", dataset, "format", format, "filters", filters)).exchange()
                              .expectStatus().isAccepted()
                              .expectBody(Map.class).returnResult().getResponseBody().get("exportId");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> notification(WebTestClient client, String exportId) {
        Map<String, Object> page = client.get().uri("/api/notifications?size=500").exchange().expectStatus().isOk()
                                         .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(n -> exportId.equals(n.get("exportId")))
                .findFirst().orElse(null);
    }

    static Map<String, Object> awaitStatus(WebTestClient client, String exportId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            last = notification(client, exportId);
            if (last != null && status.equals(last.get("status"))) return last;
            if (last != null && "FAILED".equals(last.get("status"))) break;
            sleep(100);
        }
        throw new AssertionError("export " + exportId + " did not become " + status + ": " + last);
    }

    static byte[] download(WebTestClient client, String exportId) {
        return client.get().uri("/api/exports/{id}/file", exportId).exchange().expectStatus().isOk()
                     .expectBody(byte[].class).returnResult().getResponseBody();
    }

    static List<List<String>> csv(byte[] bytes) {
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) continue;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.append(c);
                } else if (c == '"') quoted = true;
                else if (c == ';') { cells.add(cell.toString()); cell.setLength(0); }
                else cell.append(c);
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    static Sheet xlsx(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes)).getSheetAt(0);
    }

    static List<String> texts(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) values.add(row.getCell(i).getStringCellValue());
        return values;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- invoices ---------------------------------------------------------------------------------------------------

    @Test
    void an_invoice_csv_has_the_contract_columns_in_brazilian_formats_and_every_invoice_in_the_list_order() {
        var account = accountWithInvoices();
        var client = portal(account, "INVOICES_EXPORT");
        String id = requestExport(client, "invoices", "csv", Map.of());
        var ready = awaitStatus(client, id, "READY");
        assertThat(ready).containsEntry("progress", 100).containsEntry("rowCount", 3).containsEntry("dataset", "invoices")
                         .containsEntry("format", "csv").containsEntry("downloadUrl", "/api/exports/" + id + "/file");

        var rows = csv(download(client, id));
        assertThat(rows.get(0)).isEqualTo(INVOICE_HEADERS);
        // the list's default order: dueDate, newest first
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("F-001", "01/02/2026", "20/03/2026", "2.255,69", "M2M Telecomunicações; S.A.", "A vencer"),
                List.of("F-002", "15/01/2026", "05/03/2026", "100,00", "M2M Telecomunicações; S.A.", "Pendente"),
                List.of("F-003", "01/12/2025", "05/01/2026", "1.234.567,89", "M2M Telecomunicações; S.A.", "Paga"));
    }

    @Test
    void an_invoice_xlsx_has_real_date_and_currency_cells() throws IOException {
        var account = accountWithInvoices();
        var client = portal(account, "INVOICES_EXPORT");
        String id = requestExport(client, "invoices", "xlsx", Map.of("sort", "totalAmount,asc"));
        awaitStatus(client, id, "READY");

        var sheet = xlsx(download(client, id));
        assertThat(texts(sheet.getRow(0))).isEqualTo(INVOICE_HEADERS);
        assertThat(sheet.getLastRowNum()).isEqualTo(3);
        Row first = sheet.getRow(1);
        assertThat(first.getCell(0).getStringCellValue()).isEqualTo("F-002");
        assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(first.getCell(1))).isTrue();
        assertThat(first.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 1, 15, 0, 0));
        assertThat(first.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 5, 0, 0));
        assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(100.00);
        assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("R$ #,##0.00");
        assertThat(first.getCell(5).getStringCellValue()).isEqualTo("Pendente");
        assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(1234567.89);
        assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Paga");
    }

    @Test
    void the_export_honours_the_list_filters() {
        var account = accountWithInvoices();
        var client = portal(account, "INVOICES_EXPORT");
        String byStatus = requestExport(client, "invoices", "csv", Map.of("status", List.of("OPEN", "PAID")));
        String byYear = requestExport(client, "invoices", "csv", Map.of("year", 2026, "month", "1"));
        String byDue = requestExport(client, "invoices", "csv", Map.of("dueFrom", "2026-03-01", "dueTo", "2026-03-05"));
        assertThat(awaitStatus(client, byStatus, "READY")).containsEntry("rowCount", 2);
        assertThat(csv(download(client, byStatus)).stream().skip(1).map(r -> r.get(0))).containsExactly("F-001", "F-003");
        assertThat(awaitStatus(client, byYear, "READY")).containsEntry("rowCount", 1);
        assertThat(csv(download(client, byYear)).stream().skip(1).map(r -> r.get(0))).containsExactly("F-002");
        awaitStatus(client, byDue, "READY");
        assertThat(csv(download(client, byDue)).stream().skip(1).map(r -> r.get(0))).containsExactly("F-002");
    }

    // ---- services ---------------------------------------------------------------------------------------------------

    @Test
    void a_service_csv_has_the_contract_columns_and_pt_br_status_labels() {
        var account = accountWithServices();
        var client = portal(account, "SERVICES_EXPORT");
        String id = requestExport(client, "services", "csv", Map.of());
        assertThat(awaitStatus(client, id, "READY")).containsEntry("rowCount", 3);
        var rows = csv(download(client, id));
        assertThat(rows.get(0)).isEqualTo(SERVICE_HEADERS);
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of("RJ-0001", "Link Dedicado", "CT-1", "CLI-9", "50", "Suspenso", "Av. Principal, 100, Sala 2 – Centro",
                        "Rio de Janeiro", "RJ", "20040020"),
                List.of("SP-0001", "Link Dedicado", "CT-1", "CLI-9", "100", "Ativo", "Av. Principal, 100, Sala 2 – Centro",
                        "São Paulo", "SP", "01310100"),
                List.of("SP-0002", "Link Dedicado", "CT-1", "CLI-9", "1000", "Em instalação", "Av. Principal, 100, Sala 2 – Centro",
                        "São Paulo", "SP", "01310200"));
    }

    @Test
    void a_service_xlsx_is_filtered_like_the_list_and_has_numeric_speeds() throws IOException {
        var account = accountWithServices();
        var client = portal(account, "SERVICES_EXPORT");
        String id = requestExport(client, "services", "xlsx", Map.of("city", "sao paulo", "status", List.of("ACTIVE", "INSTALLING")));
        assertThat(awaitStatus(client, id, "READY")).containsEntry("rowCount", 2);
        var sheet = xlsx(download(client, id));
        assertThat(texts(sheet.getRow(0))).isEqualTo(SERVICE_HEADERS);
        assertThat(sheet.getLastRowNum()).isEqualTo(2);
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("SP-0001");
        assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(100);
        assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Ativo");
        assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Em instalação");
        assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("01310200");
    }

    // ---- notifications ----------------------------------------------------------------------------------------------

    @Test
    void the_stream_delivers_the_ready_notification_and_the_list_is_paginated_newest_first() {
        var account = accountWithInvoices();
        String token = loginWith(account, "INVOICES_EXPORT", "SERVICES_EXPORT");
        var client = web.mutate().defaultHeaders(bearer(token)).responseTimeout(Duration.ofSeconds(30)).build();
        var events = client.get().uri("/api/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                           .expectStatus().isOk()
                           .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                           .getResponseBody();
        var ready = events.filter(e -> "notification".equals(e.event()) && e.data() != null && "READY".equals(e.data().get("status")))
                          .next().toFuture();
        String id = requestExport(client, "invoices", "xlsx", Map.of());
        var event = ready.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(event.data()).containsEntry("exportId", id).containsEntry("progress", 100).containsEntry("rowCount", 3)
                                .containsEntry("downloadUrl", "/api/exports/" + id + "/file");

        clock.add(Duration.ofMinutes(1));
        String second = requestExport(client, "services", "csv", Map.of());
        awaitStatus(client, second, "READY");
        client.get().uri("/api/notifications?page=0&size=1").exchange().expectStatus().isOk()
              .expectBody()
              .jsonPath("$.items.length()").isEqualTo(1)
              .jsonPath("$.items[0].exportId").isEqualTo(second)
              .jsonPath("$.totalItems").isEqualTo(2)
              .jsonPath("$.totalPages").isEqualTo(2);
        client.get().uri("/api/notifications?page=1&size=1").exchange().expectStatus().isOk()
              .expectBody().jsonPath("$.items[0].exportId").isEqualTo(id);
        client.get().uri("/api/notifications?size=0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void a_ready_file_expires_after_the_retention_answers_410_and_is_deleted() {
        var account = accountWithInvoices();
        String admin = loginAsAdmin(account);
        String email = createUser(admin, createProfile(admin, "Exportação", "INVOICES_EXPORT"), "Exportadora");
        var client = web.mutate().defaultHeaders(bearer(loginAs(email))).build();
        String id = requestExport(client, "invoices", "csv", Map.of());
        var ready = awaitStatus(client, id, "READY");
        var readyAt = java.time.Instant.parse((String) ready.get("readyAt"));
        assertThat(java.time.Instant.parse((String) ready.get("expiresAt"))).isEqualTo(readyAt.plus(Duration.ofDays(3)));

        clock.setInstant(java.time.Instant.parse((String) ready.get("expiresAt")).minusSeconds(1));
        client = web.mutate().defaultHeaders(bearer(loginAs(email))).build(); // sessions last 8 hours
        assertThat(notification(client, id)).containsEntry("status", "READY");
        download(client, id);
        clock.setInstant(java.time.Instant.parse((String) ready.get("expiresAt")));
        assertThat(notification(client, id)).containsEntry("status", "EXPIRED").containsEntry("downloadUrl", null);
        client.get().uri("/api/exports/{id}/file", id).exchange()
              .expectStatus().isEqualTo(410)
              .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // the sweep deletes the file
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (files.open(new ExportId(id)).isPresent() && System.nanoTime() < deadline) sleep(200);
        assertThat(files.open(new ExportId(id))).isEmpty();
        assertThat(notification(client, id)).containsEntry("status", "EXPIRED");
    }

    // ---- ownership and rights ---------------------------------------------------------------------------------------

    @Test
    void only_the_requester_sees_and_downloads_an_export() {
        var account = accountWithInvoices();
        var owner = portal(account, "INVOICES_EXPORT");
        String id = requestExport(owner, "invoices", "csv", Map.of());
        awaitStatus(owner, id, "READY");

        var colleague = portal(account, "INVOICES_EXPORT", "INVOICES_VIEW");
        colleague.get().uri("/api/exports/{id}/file", id).exchange().expectStatus().isNotFound()
                 .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notification(colleague, id)).isNull();

        var otherAccountAdmin = web.mutate().defaultHeaders(bearer(loginAsAdmin(accountWithInvoices()))).build();
        otherAccountAdmin.get().uri("/api/exports/{id}/file", id).exchange().expectStatus().isNotFound();
        otherAccountAdmin.get().uri("/api/exports/{id}/file", "not a valid id").exchange().expectStatus().isNotFound();
        assertThat(notification(otherAccountAdmin, id)).isNull();
    }

    @Test
    void exporting_needs_the_dataset_export_functionality() {
        var account = accountWithInvoices();
        var viewer = portal(account, "INVOICES_VIEW", "SERVICES_VIEW");
        viewer.post().uri("/api/exports").contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("dataset", "invoices", "format", "csv", "filters", Map.of())).exchange()
              .expectStatus().isForbidden()
              .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var servicesOnly = portal(account, "SERVICES_EXPORT");
        servicesOnly.post().uri("/api/exports").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("dataset", "invoices", "format", "csv", "filters", Map.of())).exchange()
                    .expectStatus().isForbidden();
        assertThat(servicesOnly.get().uri("/api/notifications").exchange().expectStatus().isOk()
                               .expectBody(Map.class).returnResult().getResponseBody()).containsEntry("totalItems", 0);
    }

    @Test
    void bad_requests_are_400_problems_naming_the_field() {
        var account = newAccount();
        var client = portal(account, "INVOICES_EXPORT", "SERVICES_EXPORT");
        badRequest(client, Map.of("dataset", "users", "format", "csv", "filters", Map.of()), "dataset");
        badRequest(client, Map.of("dataset", "invoices", "format", "pdf", "filters", Map.of()), "format");
        badRequest(client, Map.of("format", "csv"), "dataset");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("color", "blue")), "filters.color");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("page", 2)), "filters.page");
        badRequest(client, Map.of("dataset", "services", "format", "csv", "filters", Map.of("year", 2026)), "filters.year");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("year", List.of(2025, 2026))), "filters.year");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("year", Map.of("$gt", 1))), "filters.year");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("year", 2026, "month", 13)), "month");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("status", List.of("LATE"))), "status");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("dueDate", "10/03/2026")), "dueDate");
        badRequest(client, Map.of("dataset", "invoices", "format", "csv", "filters", Map.of("sort", "number,asc")), "sort");
        badRequest(client, Map.of("dataset", "services", "format", "xlsx", "filters", Map.of("speedMbps", "fast")), "speedMbps");
        badRequest(client, Map.of("dataset", "services", "format", "xlsx", "filters", Map.of("state", "XX")), "state");
        assertThat(client.get().uri("/api/notifications").exchange().expectStatus().isOk()
                         .expectBody(Map.class).returnResult().getResponseBody()).containsEntry("totalItems", 0);
    }

    void badRequest(WebTestClient client, Map<String, Object> body, String field) {
        client.post().uri("/api/exports").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
              .expectStatus().isBadRequest()
              .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody()
              .jsonPath("$.detail").isNotEmpty()
              .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }
}
