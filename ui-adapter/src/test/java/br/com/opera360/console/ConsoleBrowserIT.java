package br.com.opera360.console;

import br.com.opera360.durability.AppProcess;
import br.com.opera360.testing.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real headless Chromium against the real jar (demo data on): every task of the user guide that
 * the API contract supports, axe-core on every screen, no CSP violation in the browser console. One jar and one
 * browser for the whole class; the tests run in the guide's order (the Administrator's first access comes first,
 * as the portal demands). Screenshots of the main screens go to {@code target/console/<run>/screenshots}, or to
 * {@code -Dconsole.screenshots=<dir>} (how the README's were taken).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final String ADMIN = "admin@demo.opera360.com.br";
    private static final String TECHNICIAN = "joao.pereira@demo.opera360.com.br";
    private static final String API_KEY = "console-ingest-key";
    private static final String ADMIN_PASSWORD = "Console#2026ok";
    private static final String MONEY = "R\\$ \\d{1,3}(\\.\\d{3})*,\\d{2}";
    private static final String DATE = "\\d{2}/\\d{2}/\\d{4}";

    private static AppProcess app;
    private static Browser browser;
    private static Outbox outbox;
    private static Path work;
    private static Path screenshots;

    @BeforeAll
    static void start() throws IOException {
        Browser.requireBrowser();
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        work = Path.of("target", "console", run).toAbsolutePath();
        screenshots = System.getProperty("console.screenshots") != null
                ? Path.of(System.getProperty("console.screenshots")).toAbsolutePath() : work.resolve("screenshots");
        Path jar = AppProcess.neutralCopy(Path.of(System.getProperty("opera360.jar", "target/opera360.jar")), work);
        Path data = work.resolve("data");
        outbox = new Outbox(data.resolve("outbox"));
        app = AppProcess.start(jar, data, API_KEY, work.resolve("app.log"), Map.of("OPERA360_DEMO_DATA", "true",
                // exports expire 45 s after they are ready, so the last test sees one expired
                "OPERA360_EXPORTS_RETENTION", "PT45S"));
        app.awaitHealthy(HttpClient.newHttpClient(), Duration.ofMinutes(3));
        outbox.awaitCount(ADMIN, 1);
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        browser = new Browser(app.baseUrl(), downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (app != null) app.stop();
    }

    @AfterEach
    void no_content_security_policy_violation(TestInfo test) {
        if (browser == null) return;
        List<String> csp = browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(csp).as("CSP violations in the browser console during %s", test.getDisplayName()).isEmpty();
    }

    // ---- Login -----------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void first_access_goes_from_the_e_mailed_password_through_the_token_and_the_forced_change_to_the_home() {
        browser.freshStart("#/faturas");
        browser.heading("Acesse o portal");
        assertNoViolations("login");
        shot("login");
        String temporary = outbox.to(ADMIN).get(0).temporaryPassword();
        browser.type("Usuário (e-mail)", ADMIN);
        browser.type("Senha", temporary);
        int mails = outbox.to(ADMIN).size();
        browser.button("Entrar").click();

        browser.heading("Token de acesso");
        assertNoViolations("token");
        String token = outbox.awaitCount(ADMIN, mails + 1).get(mails).token();
        browser.type("Token", "  " + token + " ");   // pasted with spaces around it
        browser.button("Confirmar").click();

        browser.heading("Primeiro acesso: crie sua senha");
        assertThat(browser.region("Política de senha").getText())
                .contains("Mínimo de 8 caracteres", "Uma letra minúscula", "Uma letra maiúscula", "Um número", "Um caractere especial");
        assertNoViolations("password change");
        shot("primeiro-acesso");
        browser.type("Nova senha", "fraca");
        browser.type("Confirme a nova senha", "fraca");
        browser.button("Salvar nova senha").click();
        assertThat(browser.alert().getText()).as("the API's policy message").isNotBlank();
        browser.type("Nova senha", ADMIN_PASSWORD);
        browser.type("Confirme a nova senha", ADMIN_PASSWORD);
        browser.button("Salvar nova senha").click();

        // back to the page the user first asked for
        browser.heading("Faturas");
        assertThat(browser.hash()).isEqualTo("#/faturas");
        browser.link("Home").click();
        browser.heading("Conectividade");
        WebElement cards = browser.region("Funcionalidades");
        assertThat(cards.findElements(By.xpath(".//h2")).stream().map(WebElement::getText))
                .containsExactly("Faturas", "Serviços", "Administração");
        WebElement menu = browser.region("Menu principal");
        assertThat(menu.findElements(By.xpath(".//a")).stream().map(WebElement::getText))
                .containsExactly("Home", "Faturas", "Serviços", "Administração");
        assertNoViolations("home");
        shot("home");
    }

    @Test
    @Order(2)
    void wrong_token_and_lockout_show_the_api_s_messages_and_forgot_password_is_acknowledged() {
        browser.freshStart("#/login");
        browser.type("Usuário (e-mail)", ADMIN);
        browser.type("Senha", ADMIN_PASSWORD);
        browser.button("Entrar").click();
        browser.heading("Token de acesso");
        browser.type("Token", "000000");
        browser.button("Confirmar").click();
        assertThat(browser.alert().getText()).isEqualTo("Token inválido, expirado ou já utilizado. Faça login novamente para receber um novo token.");

        browser.freshStart("#/login");
        String stranger = "ninguem-" + System.nanoTime() + "@demo.opera360.com.br";
        browser.type("Usuário (e-mail)", stranger);
        browser.type("Senha", "Errada#123");
        browser.button("Entrar").click();
        String refused = browser.alert().getText();
        assertThat(refused).isNotBlank();
        for (int i = 0; i < 5; i++) {
            browser.await("the login button ready again", d -> browser.button("Entrar").isEnabled() ? true : null);
            browser.button("Entrar").click();
            AppProcess.sleep(400);
        }
        browser.await("the lockout message", d -> refused.equals(browser.alert().getText()) ? null : true);
        assertThat(browser.alert().getText())
                .isEqualTo("Muitas tentativas de login sem sucesso para este e-mail. Aguarde 15 minutos e tente novamente.");
        assertNoViolations("login with an error");

        browser.link("Esqueci minha senha").click();
        browser.heading("Esqueci minha senha");
        browser.type("Usuário (e-mail)", "fernanda.lima@demo.opera360.com.br");
        browser.button("Enviar senha temporária").click();
        browser.awaitText("Pedido registrado");
        assertNoViolations("forgot password");
    }

    // ---- Faturas -----------------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void invoices_are_filtered_sorted_and_opened_with_services_items_and_the_status_detail() {
        signInAsAdmin("#/");
        browser.link("Faturas").click();
        browser.heading("Faturas");
        WebElement summary = browser.region("Resumo das faturas");
        assertThat(summary.getText()).contains("A vencer", "Pendente", "Parcelada", "Paga").containsPattern(MONEY);
        List<List<String>> all = browser.rows("Lista de faturas");
        assertThat(all).isNotEmpty();
        assertThat(all.get(0).get(1)).matches(DATE);
        assertThat(all.get(0).get(3)).matches(MONEY);
        assertNoViolations("invoices");
        shot("faturas");

        browser.select("Status", "Pendente");
        browser.button("Buscar").click();
        browser.await("only pending invoices", d -> browser.rows("Lista de faturas").stream().allMatch(r -> r.get(5).equals("Pendente")) ? true : null);
        assertThat(browser.rows("Lista de faturas")).allSatisfy(r -> assertThat(r.get(6)).matches("\\d+ dias? em atraso"));

        browser.button("Data vencimento ▼").click();
        browser.await("sorted by due date ascending", d -> browser.hash().contains("sort=dueDate%2Casc") || browser.hash().contains("sort=dueDate,asc") ? true : null);
        List<List<String>> pending = browser.rows("Lista de faturas");
        List<String> dueDates = pending.stream().map(r -> r.get(2).substring(6) + r.get(2).substring(3, 5) + r.get(2).substring(0, 2)).toList();
        assertThat(dueDates).isSorted();

        String number = pending.get(0).get(0);
        browser.link("Visualizar fatura " + number).click();
        browser.heading("Fatura " + number);
        browser.button("Ver detalhes").click();
        List<List<String>> overdue = browser.rows("Atraso da fatura");
        assertThat(overdue.get(0).get(0)).matches(DATE);
        assertThat(overdue.get(0).get(1)).matches("\\d+ dias?");
        assertThat(overdue.get(0).get(2)).matches(MONEY);
        List<List<String>> services = browser.rows("Serviços da fatura");
        String designation = services.get(0).get(0);
        browser.button("Ver itens do serviço " + designation).click();
        assertThat(browser.rows("Itens do serviço " + designation).get(0).get(2)).matches(MONEY);
        assertNoViolations("invoice detail");
        shot("fatura-detalhe");

        // the boleto as a PDF
        browser.button("Boleto (PDF)").click();
        Path pdf = browser.awaitDownload("*.pdf");
        assertThat(read(pdf)).startsWith("%PDF");

        // the spreadsheet of the invoice's services
        browser.button("Planilha de serviços").click();
        browser.field(".XLSX").click();
        browser.button("Confirmar").click();
        assertThat(read(browser.awaitDownload("*.xlsx"))).as("an XLSX (zip) file").startsWith("PK");

        // year and month filters narrow the list by issue date
        browser.open("#/faturas");
        browser.heading("Faturas");
        String issue = browser.rows("Lista de faturas").get(0).get(1);
        browser.select("Ano", issue.substring(6));
        browser.select("Mês", monthName(Integer.parseInt(issue.substring(3, 5))));
        browser.button("Buscar").click();
        browser.await("invoices issued in " + issue.substring(3), d -> browser.rows("Lista de faturas").stream()
                .allMatch(r -> r.get(1).endsWith(issue.substring(3))) ? true : null);
    }

    @Test
    @Order(4)
    void a_negotiated_invoice_shows_its_installments_and_downloads_the_negotiation_and_a_paid_one_its_nota_fiscal() {
        signInAsAdmin("#/faturas?status=INSTALLMENT");
        browser.heading("Faturas");
        String number = browser.rows("Lista de faturas").get(0).get(0);
        browser.link("Visualizar fatura " + number).click();
        browser.heading("Fatura " + number);
        browser.button("Ver detalhes").click();
        List<List<String>> installments = browser.rows("Parcelas da negociação");
        assertThat(installments).extracting(r -> r.get(3)).contains("Paga").containsAnyOf("Em aberto", "Vencida");
        assertNoViolations("negotiated invoice");
        browser.button("Download detalhes").click();
        assertThat(browser.awaitDownload("negociacao*.xlsx")).isNotEmptyFile();

        // Nota Fiscal of a paid invoice (the demo has one): a zip holding the XML and the PDF
        browser.open("#/faturas?status=PAID");
        browser.heading("Faturas");
        // the console tries each paid invoice as a user would: those without a Nota Fiscal answer the API's 404 detail
        Path zip = null;
        for (List<String> row : browser.rows("Lista de faturas")) {
            browser.button("Nota Fiscal da fatura " + row.get(0)).click();
            zip = browser.await("a Nota Fiscal or the API's answer", d -> {
                Path found = browser.downloaded("nota-fiscal-*.zip");
                if (found != null) return found;
                return browser.textVisible("Nota Fiscal") && !d.findElements(By.xpath("//*[@role='alert']")).isEmpty() ? Path.of("") : null;
            });
            if (!zip.toString().isEmpty()) break;
        }
        if (zip.toString().isEmpty()) zip = browser.awaitDownload("nota-fiscal-*.zip");
        assertThat(zipEntries(zip)).anyMatch(n -> n.endsWith(".xml")).anyMatch(n -> n.endsWith(".pdf"));
    }

    @Test
    @Order(5)
    void an_open_invoice_and_an_open_installment_are_paid_with_pix_by_qr_code_or_copy_and_paste() {
        signInAsAdmin("#/faturas?status=OPEN");
        browser.heading("Faturas");
        String number = browser.rows("Lista de faturas").get(0).get(0);
        browser.link("Visualizar fatura " + number).click();
        browser.heading("Fatura " + number);
        String amountDue = fact("Valor devido");
        browser.button("Pagar com Pix").click();
        assertPixDialog("Fatura " + number, amountDue);
        assertNoViolations("Pix dialog");
        shot("fatura-pix");
        browser.button("Fechar").click();
        browser.await("the dialog closed", d -> d.findElements(By.xpath("//dialog[@open]")).isEmpty() ? true : null);

        // a paid invoice has no Pix
        browser.open("#/faturas?status=PAID");
        browser.heading("Faturas");
        String paid = browser.rows("Lista de faturas").get(0).get(0);
        browser.link("Visualizar fatura " + paid).click();
        browser.heading("Fatura " + paid);
        assertThat(fact("Status")).isEqualTo("Paga");
        assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Pagar com Pix']"))).isEmpty();

        // an unpaid installment of a negotiation, by its own amount
        browser.open("#/faturas?status=INSTALLMENT");
        browser.heading("Faturas");
        String negotiated = browser.rows("Lista de faturas").get(0).get(0);
        browser.link("Visualizar fatura " + negotiated).click();
        browser.heading("Fatura " + negotiated);
        browser.button("Ver detalhes").click();
        List<String> open = browser.rows("Parcelas da negociação").stream().filter(r -> !r.get(3).equals("Paga")).findFirst().orElseThrow();
        assertThat(browser.rows("Parcelas da negociação").stream().filter(r -> r.get(3).equals("Paga")))
                .allSatisfy(r -> assertThat(r.get(5)).isEmpty());
        browser.button("Pagar parcela " + open.get(0) + " com Pix").click();
        assertPixDialog("Parcela " + open.get(0) + " da negociação", open.get(2));
        assertNoViolations("installment Pix dialog");
        browser.button("Fechar").click();
    }

    @Test
    @Order(6)
    void an_export_becomes_ready_through_the_event_stream_and_downloads() throws IOException {
        signInAsAdmin("#/faturas");
        browser.heading("Faturas");
        browser.button("Exportar").click();
        browser.field(".CSV").click();
        browser.button("Confirmar").click();
        browser.awaitText("Geração de CSV solicitada com sucesso!");
        assertNoViolations("export requested");
        browser.button("OK").click();
        // the toast comes only from the stream (the list was read at sign-in, before this export existed)
        browser.awaitText("Arquivo pronto: Lista de faturas (CSV).");
        browser.driver.findElement(By.xpath("//a[starts-with(@aria-label, 'Notificações: 1 arquivo pronto')]")).click();
        browser.heading("Notificações");
        List<String> row = browser.rows("Notificações").get(0);
        assertThat(row.get(0)).isEqualTo("Lista de faturas (CSV)");
        assertThat(row.get(2)).isEqualTo("Pronto");
        assertThat(row.get(3)).isEqualTo("100%");
        assertNoViolations("notifications");
        shot("notificacoes");
        browser.button("Baixar Lista de faturas (CSV)").click();
        Path csv = browser.awaitDownload("faturas-*.csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("Nº Fatura;Data Emissão;Data Vencimento;Valor Total;Empresa Emissora;Status");
    }

    // ---- Serviços ----------------------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void services_are_filtered_and_a_designation_shows_its_history() {
        signInAsAdmin("#/servicos");
        browser.heading("Serviços");
        assertThat(browser.region("Tipos de serviço").getText()).contains("serviços");
        browser.select("UF", "SP");
        browser.button("Buscar").click();
        browser.await("services in SP only", d -> browser.rows("Lista de serviços contratados").stream()
                .allMatch(r -> r.get(6).endsWith("/SP")) ? true : null);
        String designation = browser.rows("Lista de serviços contratados").get(0).get(0);
        browser.link("Detalhe da designação " + designation).click();
        browser.heading("Designação " + designation);
        List<List<String>> history = browser.rows("Histórico de alterações");
        assertThat(history.get(0).get(0)).matches(DATE + " \\d{2}:\\d{2}");
        assertThat(history.get(0).get(1)).isNotBlank();
        assertNoViolations("service detail");
        shot("servico-detalhe");
        browser.link("Voltar").click();
        browser.heading("Serviços");

        // "Download" of the list: requested, then ready in the notifications
        browser.button("Download").click();
        browser.field(".XLSX").click();
        browser.button("Confirmar").click();
        browser.awaitText("Geração de XLSX solicitada com sucesso!");
        browser.button("OK").click();
        browser.awaitText("Arquivo pronto: Lista de serviços (XLSX).");
    }

    @Test
    @Order(8)
    void the_map_draws_the_states_and_circles_and_a_click_lists_the_services_at_that_address() {
        signInAsAdmin("#/servicos");
        browser.heading("Serviços");
        WebElement map = browser.region("Mapa dos serviços por CEP");
        // Leaflet's SVG: the states (not interactive) and one interactive circle per CEP
        List<WebElement> circles = browser.await("circles on the map", d -> {
            var found = map.findElements(By.cssSelector("path.leaflet-interactive"));
            return found.isEmpty() ? null : found;
        });
        assertThat(map.findElements(By.cssSelector("path")).size()).isGreaterThan(circles.size() + 20);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", map);
        circles.get(circles.size() - 1).click();   // the last drawn lies on top of any it overlaps
        WebElement panel = browser.await("the address panel", d -> d.findElements(By.xpath("//h3[starts-with(normalize-space(), 'Serviços no CEP')]"))
                .stream().findFirst().orElse(null));
        String cep = panel.getText().replace("Serviços no CEP ", "");
        String address = browser.await("the address", d -> d.findElements(By.xpath("//h3[starts-with(normalize-space(), 'Serviços no CEP')]/../following-sibling::p[@class='address']"))
                .stream().findFirst().map(WebElement::getText).orElse(null));
        assertThat(address).endsWith("CEP " + cep).doesNotContain("undefined", "null");
        List<List<String>> services = browser.rows("Serviços no CEP " + cep);
        assertThat(services).isNotEmpty();
        assertThat(services.get(0).get(2)).matches("[\\d.]+ [MG]bps");
        assertNoViolations("map");
        shot("servicos-mapa");
        browser.button("Fechar a aba do endereço").click();
        browser.await("the panel closed", d -> browser.textVisible("Serviços no CEP") ? null : true);
    }

    // ---- Administração -----------------------------------------------------------------------------------------------

    @Test
    @Order(9)
    void a_profile_is_created_and_a_user_with_it_after_a_field_error() {
        signInAsAdmin("#/");
        browser.link("Administração").click();
        browser.heading("Administração");
        assertNoViolations("administration");
        browser.link("Criar perfil").click();
        browser.heading("Criar perfil");
        browser.type("Nome do perfil", "Consulta de Serviços");
        browser.field("Visualizar serviços").click();
        browser.field("Mapa de geolocalização").click();
        assertNoViolations("profile form");
        shot("perfil");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.heading("Perfil Consulta de Serviços");
        assertThat(browser.textVisible("Nenhum usuário com este perfil.")).isTrue();

        // rename it and grant one more functionality
        browser.button("Editar").click();
        browser.heading("Editar perfil");
        assertThat(browser.field("Visualizar serviços").isSelected()).isTrue();
        browser.type("Nome do perfil", "Consulta de Serviços e Exportação");
        browser.field("Exportar serviços").click();
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.heading("Perfil Consulta de Serviços e Exportação");
        assertThat(browser.textVisible("Exportar serviços")).isTrue();
        browser.button("Editar").click();
        browser.heading("Editar perfil");
        browser.type("Nome do perfil", "Consulta de Serviços");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.heading("Perfil Consulta de Serviços");

        // a second profile of the same name: the API's 409 next to the name
        browser.open("#/administracao/perfis/novo");
        browser.heading("Criar perfil");
        browser.type("Nome do perfil", "consulta de servicos");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.await("the conflict next to the name", d -> d.findElements(By.id("profile-name-error")).isEmpty() ? null : true);
        assertThat(browser.field("Nome do perfil").getAttribute("aria-invalid")).isEqualTo("true");

        browser.open("#/administracao/usuarios/novo");
        browser.heading("Criar usuário");
        browser.type("Nome", "Carla Souza");
        browser.type("E-mail", "carla.souza@demo.opera360.com.br");
        browser.type("CPF", "123.456.789-00");
        browser.select("Perfil", "Consulta de Serviços");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        WebElement cpfError = browser.await("the CPF error next to the field", d -> d.findElements(By.id("user-cpf-error")).stream().findFirst().orElse(null));
        assertThat(cpfError.getText()).isNotBlank();
        assertThat(browser.field("CPF").getAttribute("aria-describedby")).contains("user-cpf-error");
        assertNoViolations("user form with an error");
        shot("usuario-erro");
        browser.type("CPF", "529.982.247-25");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.heading("Usuários");
        browser.await("Carla in the list", d -> browser.rows("Usuários").stream().anyMatch(r -> r.get(0).equals("Carla Souza")) ? true : null);
        assertThat(outbox.awaitCount("carla.souza@demo.opera360.com.br", 1).get(0).temporaryPassword()).isNotBlank();
        assertNoViolations("users");
        shot("usuarios");

        // edit, deactivate, reactivate
        browser.button("Editar usuário Carla Souza").click();
        browser.heading("Editar usuário");
        browser.type("Telefone", "(11) 98888-7777");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.heading("Usuários");
        browser.button("Desativar usuário Carla Souza").click();
        browser.button("Sim").click();
        browser.await("Carla gone from the active users", d -> browser.rows("Usuários").stream().noneMatch(r -> r.get(0).equals("Carla Souza")) ? true : null);
        browser.select("Status", "Inativos");
        browser.button("Buscar").click();
        browser.button("Reativar usuário Carla Souza").click();
        browser.button("Sim").click();
        browser.await("Carla gone from the inactive users", d -> browser.rows("Usuários").stream().noneMatch(r -> r.get(0).equals("Carla Souza")) ? true : null);

        // the profile detail lists its user
        browser.open("#/administracao/perfis");
        browser.heading("Perfis");
        browser.link("Detalhe do perfil Consulta de Serviços").click();
        browser.heading("Perfil Consulta de Serviços");
        browser.link("Carla Souza");
    }

    @Test
    @Order(10)
    void reminder_settings_are_saved_and_reloaded_and_an_invalid_day_shows_the_api_s_field_error() {
        signInAsAdmin("#/administracao");
        browser.heading("Administração");
        browser.link("Lembretes de vencimento").click();
        browser.heading("Lembretes de vencimento");
        // the account's defaults: 5 and 1 days before, and the first day overdue
        assertThat(browser.field("Enviar lembretes").isSelected()).isTrue();
        assertThat(reminderDays()).containsExactly("5", "1", "");
        assertThat(browser.field("No primeiro dia de atraso").isSelected()).isTrue();
        assertNoViolations("reminder settings");
        shot("lembretes");

        browser.type("1º lembrete (dias antes)", "3");
        browser.type("2º lembrete (dias antes)", "10");
        browser.field("No primeiro dia de atraso").click();
        browser.button("Salvar").click();
        browser.button("Sim").click();
        browser.awaitText("Lembretes de vencimento salvos.");
        assertThat(reminderDays()).as("as the API answers: farthest first").containsExactly("10", "3", "");

        browser.driver.navigate().refresh();
        browser.heading("Lembretes de vencimento");
        assertThat(reminderDays()).containsExactly("10", "3", "");
        assertThat(browser.field("No primeiro dia de atraso").isSelected()).isFalse();
        assertThat(browser.field("Enviar lembretes").isSelected()).isTrue();

        // a day out of range: the API's 400 next to the days, the field marked
        browser.type("3º lembrete (dias antes)", "31");
        browser.button("Salvar").click();
        browser.button("Sim").click();
        WebElement error = browser.await("the days' error", d -> d.findElements(By.id("reminder-days-error")).stream().findFirst().orElse(null));
        assertThat(error.getText()).contains("1 a 30");
        WebElement third = browser.field("3º lembrete (dias antes)");
        assertThat(third.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(third.getAttribute("aria-describedby")).contains("reminder-days-error");
        assertThat(browser.field("1º lembrete (dias antes)").getAttribute("aria-invalid")).isNull();
        assertThat(browser.textVisible("Lembretes de vencimento salvos.")).isFalse();
        assertNoViolations("reminder settings with an error");
        shot("lembretes-erro");

        // nothing was saved
        browser.driver.navigate().refresh();
        browser.heading("Lembretes de vencimento");
        assertThat(reminderDays()).containsExactly("10", "3", "");
    }

    @Test
    @Order(11)
    void a_user_without_invoice_rights_sees_no_faturas_card_and_gets_the_api_s_403_at_its_address() {
        browser.freshStart("#/login");
        String temporary = outbox.to(TECHNICIAN).get(outbox.to(TECHNICIAN).size() - 1).temporaryPassword();
        signIn(TECHNICIAN, temporary);
        browser.heading("Primeiro acesso: crie sua senha");
        browser.type("Nova senha", "Tecnico#2026");
        browser.type("Confirme a nova senha", "Tecnico#2026");
        browser.button("Salvar nova senha").click();
        browser.heading("Conectividade");
        assertThat(browser.region("Funcionalidades").findElements(By.xpath(".//h2")).stream().map(WebElement::getText))
                .containsExactly("Serviços");
        assertThat(browser.region("Menu principal").getText()).doesNotContain("Faturas").doesNotContain("Administração");
        browser.open("#/faturas");
        browser.heading("Faturas");
        assertThat(browser.alert().getText()).isEqualTo("Seu perfil não dá acesso a esta funcionalidade.");
        assertNoViolations("forbidden invoices");
    }

    @Test
    @Order(12)
    void logout_ends_the_session_and_the_next_login_returns_to_the_page_asked_for() {
        signInAsAdmin("#/");
        browser.heading("Conectividade");
        String token = (String) ((JavascriptExecutor) browser.driver).executeScript("return sessionStorage.getItem('opera360.token')");
        browser.button("Sair").click();
        browser.heading("Acesse o portal");
        assertThat(api("/api/me", token).statusCode()).as("the token after logout").isEqualTo(401);
        browser.open("#/servicos");
        browser.heading("Acesse o portal");
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.heading("Serviços");
    }

    @Test
    @Order(13)
    void an_expired_session_sends_back_to_login_and_then_to_the_page_the_user_was_on() {
        signInAsAdmin("#/faturas?status=PAID");
        browser.heading("Faturas");
        String token = (String) ((JavascriptExecutor) browser.driver).executeScript("return sessionStorage.getItem('opera360.token')");
        assertThat(post("/api/auth/logout", token).statusCode()).isEqualTo(204);   // the session ends elsewhere
        browser.select("Status", "Pendente");
        browser.button("Buscar").click();
        browser.heading("Acesse o portal");
        signIn(ADMIN, ADMIN_PASSWORD);
        browser.heading("Faturas");
        assertThat(browser.hash()).contains("status=PENDING");
    }

    @Test
    @Order(14)
    void the_console_works_at_360_pixels_with_the_menu_behind_a_button() {
        signInAsAdmin("#/");
        browser.resize(360, 780);
        try {
            browser.heading("Conectividade");
            WebElement menu = browser.button("Menu");
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
            menu.click();
            browser.link("Faturas").click();
            browser.heading("Faturas");
            Long overflow = (Long) ((JavascriptExecutor) browser.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal scroll of the page (tables scroll inside their region)").isLessThanOrEqualTo(0L);
            assertNoViolations("invoices at 360 px");
            shot("faturas-360px");
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    @Order(15)
    void keyboard_users_move_through_the_console_with_a_visible_focus_and_a_skip_link() {
        signInAsAdmin("#/");
        WebElement heading = browser.heading("Conectividade");
        assertThat(browser.driver.switchTo().activeElement()).as("the new page's heading has the focus").isEqualTo(heading);
        heading.sendKeys(Keys.TAB);
        WebElement card = browser.driver.switchTo().activeElement();
        assertThat(card.getText()).isEqualTo("Faturas");
        assertThat(card.getCssValue("outline-style")).as("visible focus").isEqualTo("solid");
        card.sendKeys(Keys.ENTER);
        browser.heading("Faturas");
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Faturas");
        WebElement active = browser.driver.switchTo().activeElement();
        for (int i = 0; i < 20 && !"Pular para o conteúdo".equals(active.getText()); i++) {
            active.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            active = browser.driver.switchTo().activeElement();
        }
        assertThat(active.getText()).as("the skip link, backwards from the heading").isEqualTo("Pular para o conteúdo");
        assertThat(active.getCssValue("outline-style")).isEqualTo("solid");
        active.sendKeys(Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("conteudo");
    }

    @Test
    @Order(16)
    void swagger_ui_works_under_its_own_policy_and_the_console_s_files_are_cached_and_compressed() throws Exception {
        browser.open("swagger-ui.html");
        browser.await("Swagger UI rendered the API", d -> d.findElements(By.xpath("//*[contains(@class,'opblock-tag')]")).isEmpty() ? null : true);
        var http = HttpClient.newHttpClient();
        var index = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self' 'sha256-").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        String main = index.body().replaceAll("(?s).*src=\"(/console/[0-9a-f]+/main\\.js)\".*", "$1");
        var js = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + main)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable");
        assertThat(js.headers().firstValue("Content-Encoding")).contains("gzip");
        var swagger = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/swagger-ui.html")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(swagger.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    }

    @Test
    @Order(17)
    void an_export_past_its_retention_shows_as_expired_with_nothing_to_download() {
        signInAsAdmin("#/notificacoes");
        browser.heading("Notificações");
        browser.await("the invoices export expired", d -> browser.rows("Notificações").stream()
                .anyMatch(r -> r.get(0).equals("Lista de faturas (CSV)") && r.get(2).equals("Expirado")) ? true : null);
        assertThat(browser.driver.findElements(By.xpath("//button[@aria-label='Baixar Lista de faturas (CSV)']"))).isEmpty();
        assertNoViolations("expired notification");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /** The open Pix dialog: a QR code image that loaded, the amount, the Pix Copia e Cola and "Copiar código". */
    private static void assertPixDialog(String what, String amount) {
        WebElement dialog = browser.await("the Pix dialog", d -> d.findElements(By.xpath("//dialog[@open]")).stream().findFirst().orElse(null));
        assertThat(dialog.findElement(By.id("dialog-title")).getText()).isEqualTo("Pagar com Pix");
        assertThat(dialog.getText()).contains(what);
        WebElement qr = browser.await("the QR code loaded", d -> dialog.findElements(By.cssSelector("img.pix-qr")).stream()
                .filter(img -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", img)))
                .findFirst().orElse(null));
        assertThat(qr.getAttribute("src")).startsWith("blob:");
        assertThat(qr.getAttribute("alt")).startsWith("QR code do Pix").contains(amount);
        assertThat(dialog.findElement(By.xpath(".//dt[.='Valor']/following-sibling::dd")).getText()).isEqualTo(amount).matches(MONEY);
        WebElement code = browser.field("Pix Copia e Cola");
        assertThat(code.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(code.getDomProperty("value")).startsWith("000201").contains("br.gov.bcb.pix");
        browser.button("Copiar código").click();
        browser.awaitText("Código copiado");
    }

    private static String fact(String name) {
        return browser.await("the invoice's " + name, d -> d.findElements(By.xpath("//dl[@class='facts']//dt[.='" + name + "']/following-sibling::dd"))
                .stream().findFirst().map(WebElement::getText).orElse(null));
    }

    private static List<String> reminderDays() {
        return List.of("1º", "2º", "3º").stream().map(n -> browser.field(n + " lembrete (dias antes)").getDomProperty("value")).toList();
    }

    private static void signInAsAdmin(String route) {
        browser.freshStart(route);
        browser.heading("Acesse o portal");
        signIn(ADMIN, ADMIN_PASSWORD);
    }

    private static void signIn(String email, String password) {
        browser.heading("Acesse o portal");
        browser.type("Usuário (e-mail)", email);
        browser.type("Senha", password);
        int mails = outbox.to(email).size();
        browser.button("Entrar").click();
        browser.heading("Token de acesso");
        browser.type("Token", outbox.awaitCount(email, mails + 1).get(mails).token());
        browser.button("Confirmar").click();
    }

    private static void assertNoViolations(String screen) {
        assertThat(browser.accessibilityViolations()).as("axe-core violations on %s", screen).isEmpty();
    }

    private static void shot(String name) {
        browser.screenshot(screenshots.resolve(name + ".png"));
    }

    private static String monthName(int month) {
        return List.of("Janeiro", "Fevereiro", "Março", "Abril", "Maio", "Junho", "Julho", "Agosto", "Setembro", "Outubro",
                "Novembro", "Dezembro").get(month - 1);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> zipEntries(Path zip) {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            var names = new java.util.ArrayList<String>();
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
            return names;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> api(String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> post(String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
