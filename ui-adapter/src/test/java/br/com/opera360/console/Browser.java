package br.com.opera360.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's headless Chromium driven through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}): nothing is downloaded, Selenium Manager is never asked. Elements are found the way a
 * person finds them: by their role (button, link, heading, field) and their visible text or label.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    // generous: the machine the tests run on may be busy with other builds
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    /** Skips the calling tests with a clear message when there is no browser; in CI (CI=true) a missing browser fails. */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) return;
        String message = "The console's browser tests need the Debian packages chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(message);
        System.err.println("ConsoleBrowserIT SKIPPED: " + message);
        Assumptions.abort("SKIPPED: " + message);
    }

    Browser(String base, Path downloads) {
        this.base = base;
        this.downloads = downloads;
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=pt-BR", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "profile.default_content_setting_values.automatic_downloads", 1,
                "intl.accept_languages", "pt-BR"));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver's path given explicitly: Selenium Manager (which would download a driver) is never run
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String hashRoute) {
        driver.get(base + "/" + hashRoute);
    }

    /** A fresh start: no token in sessionStorage, on the given route. */
    void freshStart(String hashRoute) {
        // about:blank first: the previous page's requests (the notification stream among them) end before the next load
        driver.get("about:blank");
        load(base + "/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.get("about:blank");
        load(base + "/" + hashRoute);
    }

    /**
     * A navigation that Chromium, once in a full CI run, left hanging until the 300 s page-load timeout with the
     * application idle: tried again once after a shorter timeout, and said so, so that a product that does not
     * answer still fails.
     */
    private void load(String url) {
        try {
            driver.get(url);
        } catch (org.openqa.selenium.TimeoutException hung) {
            System.err.println("Browser: loading " + url + " timed out (" + hung.getClass().getSimpleName() + "); trying once more");
            driver.get("about:blank");
            driver.get(url);
        }
    }

    String hash() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.hash");
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static String literal(String text) {
        if (!text.contains("'")) return "'" + text + "'";
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** The heading of the page (h1) with that text. */
    WebElement heading(String text) {
        return await("heading '" + text + "'", d -> visible(d.findElements(By.xpath(
                "//h1[normalize-space()=" + literal(text) + "]"))));
    }

    /** A button (or a link styled as one) by its accessible name: its text or aria-label. */
    WebElement button(String name) {
        return await("button '" + name + "'", d -> visible(d.findElements(By.xpath(
                "//button[normalize-space()=" + literal(name) + " or @aria-label=" + literal(name) + "]"
                        + " | //a[contains(concat(' ', @class, ' '), ' button ')][normalize-space()=" + literal(name) + " or @aria-label=" + literal(name) + "]"))));
    }

    WebElement link(String name) {
        return await("link '" + name + "'", d -> visible(d.findElements(By.xpath(
                "//a[normalize-space()=" + literal(name) + " or @aria-label=" + literal(name) + "]"))));
    }

    /** The form control a visible label names. */
    WebElement field(String label) {
        return await("field '" + label + "'", d -> {
            for (WebElement l : d.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]"))) {
                if (!l.isDisplayed()) continue;
                String id = l.getAttribute("for");
                if (id != null && !id.isEmpty()) return d.findElement(By.id(id));
                return l.findElement(By.xpath(".//input|.//select"));
            }
            return null;
        });
    }

    void type(String label, String text) {
        WebElement f = field(label);
        f.clear();
        f.sendKeys(text);
    }

    void select(String label, String option) {
        WebElement f = field(label);
        f.findElement(By.xpath(".//option[normalize-space()=" + literal(option) + "]")).click();
    }

    /** A region (landmark or labelled region) by its accessible name. */
    WebElement region(String name) {
        return await("region '" + name + "'", d -> visible(d.findElements(By.xpath(
                "//*[@aria-label=" + literal(name) + "]"))));
    }

    WebElement alert() {
        return await("an alert", d -> visible(d.findElements(By.xpath("//*[@role='alert']"))));
    }

    /** The text of every body row of the table inside the named region, cell by cell. */
    List<List<String>> rows(String regionName) {
        return await("rows of '" + regionName + "'", d -> {
            List<List<String>> out = new ArrayList<>();
            for (WebElement row : region(regionName).findElements(By.xpath(".//tbody/tr"))) {
                out.add(row.findElements(By.xpath("./th|./td")).stream().map(WebElement::getText).toList());
            }
            return out.isEmpty() ? null : out;
        });
    }

    boolean textVisible(String text) {
        return !driver.findElements(By.xpath("//*[not(self::script)][contains(normalize-space(), " + literal(text) + ")]"))
                      .stream().filter(WebElement::isDisplayed).toList().isEmpty();
    }

    void awaitText(String text) {
        await("text '" + text + "'", d -> textVisible(text) ? true : null);
    }

    private static WebElement visible(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** A file the browser saved in its download folder whose name matches, once complete. */
    Path awaitDownload(String glob) {
        return await("a download matching " + glob, d -> downloaded(glob));
    }

    Path downloaded(String glob) {
        var matcher = downloads.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> matcher.matches(f.getFileName())).filter(f -> {
                try { return Files.size(f) > 0; } catch (IOException e) { return false; }
            }).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core (pinned webjar) on the page and answers its violations, one line each. */
    List<String> accessibilityViolations() {
        var js = (JavascriptExecutor) driver;
        js.executeScript(AXE.get());
        String result = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{ id: 'axe-error', help: String(e), nodes: [] }])));""");
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode v : JSON.readTree(result)) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString() + " " + n.path("failureSummary").asText().replace('\n', ' ')));
                out.add(v.path("id").asText() + " (" + v.path("impact").asText() + "): " + v.path("help").asText() + " " + targets);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's messages since the last call (CSP violations show up here). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    private static final class AXE {
        private static final String SOURCE = load();

        static String get() {
            return SOURCE;
        }

        private static String load() {
            String path = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
            try (InputStream in = Optional.ofNullable(Browser.class.getClassLoader().getResourceAsStream(path))
                                          .orElseThrow(() -> new IllegalStateException("missing " + path))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
