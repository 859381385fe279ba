package br.com.opera360.web.console;

import br.com.opera360.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's page and files as the server hands them out (the browser tests check what a browser does with them). */
class ConsoleFilesApiTest extends ApiTest {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern MAIN = Pattern.compile("src=\"(/console/[0-9a-f]{12}/main\\.js)\"");

    @Test
    void the_page_admits_exactly_its_own_import_map_and_no_inline_code() {
        var page = web.get().uri("/").exchange().expectStatus().isOk()
                      .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                      .expectHeader().valueEquals("Cache-Control", "no-cache")
                      .returnResult(String.class);
        String html = String.join("", page.getResponseBody().collectList().block());
        String csp = page.getResponseHeaders().getFirst("Content-Security-Policy");
        Matcher importMap = IMPORT_MAP.matcher(html);
        assertThat(importMap.find()).isTrue();
        assertThat(csp).contains("script-src 'self' 'sha256-" + ConsoleAssets.sha256Base64(importMap.group(1)) + "'")
                       .contains("frame-ancestors 'none'", "object-src 'none'")
                       .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(html).doesNotContain("{{").doesNotContainPattern("<script>|\\sstyle=\"|\\son[a-z]+=\"");
    }

    @Test
    void the_console_s_files_and_its_libraries_are_cached_for_a_year_under_versioned_names() {
        String html = String.join("", web.get().uri("/").exchange().returnResult(String.class).getResponseBody().collectList().block());
        Matcher main = MAIN.matcher(html);
        assertThat(main.find()).isTrue();
        web.get().uri(main.group(1)).exchange().expectStatus().isOk()
           .expectHeader().valueEquals("Cache-Control", "max-age=31536000, public, immutable");
        web.get().uri("/webjars/preact/10.24.3/dist/preact.module.js").exchange().expectStatus().isOk()
           .expectHeader().valueEquals("Cache-Control", "max-age=31536000, public, immutable");
        web.get().uri("/console/000000000000/main.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void the_api_answers_with_a_policy_that_loads_nothing_and_swagger_ui_keeps_one_it_works_under() {
        web.get().uri("/api/me").exchange().expectStatus().isUnauthorized()
           .expectHeader().valueEquals("Content-Security-Policy", ConsoleHeadersFilter.API_POLICY);
        web.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
           .expectHeader().valueEquals("Content-Security-Policy", ConsoleHeadersFilter.SWAGGER_POLICY);
    }
}
